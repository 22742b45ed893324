// Building the page's elements: h("tr", { class: "changed" }, "text", child). Text is always set
// as text, never as HTML, so that item values cannot inject markup.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (name === "value") element.value = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

// Replaces what `parent` holds.
export function show(parent, ...children) {
  parent.replaceChildren();
  for (const child of children.flat()) if (child) parent.append(child);
}

// The text of an error for the page: DynamoDB's type and message when eddy refused.
export function errorText(error) {
  return error.type ? `${error.type}: ${error.message}` : String(error.message || error);
}
