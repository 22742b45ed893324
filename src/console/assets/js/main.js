// The console page: placeholder.
