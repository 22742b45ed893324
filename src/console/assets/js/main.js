// The console page: the credentials form, and the view the address's fragment names:
//   #/tables                    the table list (tables_view.js)
//   #/tables/<name>/items       the item browser and editor (items_view.js, item_editor.js)
//   #/tables/<name>/stream      the live stream (stream_view.js)
//   #/triggers                  trigger deliveries (triggers_view.js)
// A view may return a function that stops it (the stream's and the triggers' polling).
import { credentials, setCredentials } from "./api.js";
import { h, show, errorText } from "./dom.js";
import { showTables } from "./tables_view.js";
import { showItems } from "./items_view.js";
import { showStream } from "./stream_view.js";
import { showTriggers } from "./triggers_view.js";

const routes = [
  [/^#\/tables$/, (view) => showTables(view)],
  [/^#\/tables\/([^/]+)\/items$/, (view, name) => showItems(view, name)],
  [/^#\/tables\/([^/]+)\/stream$/, (view, name) => showStream(view, name)],
  [/^#\/triggers$/, (view) => showTriggers(view)],
];

let stopView = () => {};
let shown = 0;

async function route() {
  const view = document.getElementById("view");
  stopView();
  stopView = () => {};
  const hash = location.hash || "#/tables";
  const found = routes.map(([pattern, open]) => [hash.match(pattern), open]).find(([match]) => match);
  if (!found) {
    location.hash = "#/tables";
    return;
  }
  const [match, open] = found;
  const mine = ++shown;
  try {
    const stop = await open(view, ...match.slice(1).map(decodeURIComponent));
    if (mine === shown) stopView = stop; else stop();  // another view was asked for meanwhile
  } catch (error) {
    if (mine === shown) show(view, h("p", { class: "status error" }, errorText(error)));
  }
}

function credentialsForm() {
  const form = document.getElementById("credentials");
  form.elements.accessKey.value = credentials.accessKey;
  form.elements.region.value = credentials.region;
  form.elements.secret.value = credentials.secret;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setCredentials({ accessKey: form.elements.accessKey.value.trim(), region: form.elements.region.value.trim(),
                     secret: form.elements.secret.value });
    route();
  });
}

credentialsForm();
window.addEventListener("hashchange", route);
route();
