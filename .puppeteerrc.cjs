// pa11y-ci drives Chromium through puppeteer. Machines here have no route to browser
// downloads, so puppeteer must never fetch one; tests point it at a local Chromium instead.
/** @type {import("puppeteer").Configuration} */
module.exports = {
  skipDownload: true,
};
