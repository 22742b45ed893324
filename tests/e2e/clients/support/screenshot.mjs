// A check that a screenshot shows something: it is a PNG of the page's size (or of the element's),
// and, decoded by the browser itself, it has the many colours of rendered text and not the few of
// a blank or half-loaded page.
import assert from "node:assert/strict";

const MIN_COLOURS = 16;

export async function checkScreenshot(page, png) {
  assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.ok(width > 100 && height > 20, `screenshot is ${width}x${height}`);
  const colours = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  }, png.toString("base64"));
  assert.ok(colours >= MIN_COLOURS, `screenshot has only ${colours} colours`);
  return { width, height, colours };
}
