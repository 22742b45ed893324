# Shell helpers shared by the bench scripts (sourced, not run).

# A port below Linux's ephemeral range (32768-60999), so no outgoing connection holds it.
free_port() {
  while :; do
    local port=$((20000 + RANDOM % 12000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# Waits until something accepts a TCP connection on PORT, polling every 0.05 s for at most
# SECONDS (Default: 30). Non-zero when nothing answered in time.
wait_for_port() {  # PORT [SECONDS]
  local tries=$(( ${2:-30} * 20 ))
  for _ in $(seq 1 "$tries"); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.05
  done
  echo "nothing answers on port $1" >&2
  return 1
}
