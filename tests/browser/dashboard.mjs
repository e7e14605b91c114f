// The dashboard in a real browser: Debian's headless Chromium, driven by playwright-core.
// usage: node dashboard.mjs BASE_URL SCREENSHOT_DIR
// BASE_URL is a running `parley serve` over the seed articles plus tests/data/serve-hostile.jsonl
// (tests/browser_test.sh starts it). The expected numbers come from the JSON API itself, so the
// test checks that the page shows what the server holds: one bar per (month, QuadClass), one
// row per event of the first page, the evidence of a clicked event with its source, verb and
// target marked, the article's quotes, filters kept in the URL, and article markup shown as text.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node dashboard.mjs BASE_URL SCREENSHOT_DIR");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL: ${name}${detail === undefined ? "" : ": " + JSON.stringify(detail)}`);
  }
}

async function api(path) {
  const r = await fetch(new URL(path, base));
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(90000); /* sanitizer builds on a loaded CI machine are slow */
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") pageErrors.push(m.text()); });

  // 1. the whole store: timeline bars and the first page of events
  const series = await api("/api/series?by=month-quad");
  const total = series.rows.reduce((a, r) => a + r.events, 0);
  const firstPage = await api("/api/events?limit=25");
  await page.goto(base);
  await page.waitForSelector("[data-testid=event-row]");
  await page.waitForFunction(() => /\d+ events/.test(document.querySelector("#status").textContent));
  const bars = await page.locator("#timeline rect.bar").count();
  check("one timeline bar per month and QuadClass", bars === series.rows.length, { bars, expected: series.rows.length });
  const barSum = await page.$$eval("#timeline rect.bar", (rs) => rs.reduce((a, r) => a + Number(r.dataset.count), 0));
  check("the bars add up to every event", barSum === total, { barSum, total });
  const rows = await page.locator("[data-testid=event-row]").count();
  check("one row per event of the first page", rows === firstPage.count, { rows, expected: firstPage.count });
  const status = await page.locator("#status").textContent();
  check("the status counts the events", status === `${total} events`, status);
  const firstCells = await page.locator("[data-testid=event-row]").first().locator("td").allTextContents();
  const e0 = firstPage.events[0];
  check("the first row is the first event", firstCells[0] === e0.date && firstCells[1] === e0.source && firstCells[3] === e0.target, firstCells);
  const dyads = await api("/api/series?by=dyad&limit=400");
  const dyadCells = await page.locator("#dyads td.cell").count();
  const shownSum = await page.$$eval("#dyads td.cell", (cs) => cs.reduce((a, c) => a + Number(c.textContent), 0));
  const topPair = dyads.rows.find((r) => r.source && r.target);
  check("the dyad matrix has cells", dyadCells > 0 && shownSum > 0, dyadCells);
  const topCell = await page.locator(`#dyads td.cell[title^="${topPair.source} → ${topPair.target}:"]`).textContent();
  check("the busiest dyad shows its count", topCell === String(topPair.events), { topCell, expected: topPair.events });
  const latest = await api("/api/quotes?limit=12");
  const quoteItems = await page.locator("[data-testid=latest-quotes] li").count();
  check("the quotes panel lists the quotes", quoteItems === latest.count, { quoteItems, expected: latest.count });
  await page.screenshot({ path: `${shots}/dashboard.png`, fullPage: true });

  // 2. click an event of the seed articles that has a source, verb and target
  const withAll = firstPage.events.findIndex((e) => e.source && e.target && e.doc.startsWith("seed"));
  const ev = firstPage.events[withAll];
  await page.locator("[data-testid=event-row]").nth(withAll).click();
  await page.waitForSelector("#detail:not([hidden]) [data-testid=evidence]");
  const evidenceText = await page.locator("[data-testid=evidence]").first().textContent();
  check("the evidence sentence is shown", evidenceText === ev.evidence, { evidenceText, expected: ev.evidence });
  for (const role of ["source", "verb", "target"]) {
    const marked = await page.locator(`[data-testid=evidence] mark.${role}`).first().textContent().catch(() => null);
    check(`the ${role} is marked in the evidence`, marked === ev[`${role}_text`], { marked, expected: ev[`${role}_text`] });
  }
  const detail = await api(`/api/events/${ev.id}`);
  const quotes = await page.locator("[data-testid=quotes] li").count();
  check("the article's quotes are listed", quotes === detail.quotes.length && quotes > 0, { quotes, expected: detail.quotes.length });
  check("the selected event is in the URL", new URL(page.url()).searchParams.get("event") === String(ev.id), page.url());
  await page.locator("#detail").screenshot({ path: `${shots}/evidence.png` });

  // 3. a shared URL restores the view: filters and the open event
  const rus = await api("/api/events?actor=RUS&limit=25");
  await page.goto(`${base}?actor=RUS&event=${rus.events[0].id}`);
  await page.waitForSelector("#detail:not([hidden]) [data-testid=evidence]");
  const rusRows = await page.locator("[data-testid=event-row]").count();
  check("the actor filter from the URL applies", rusRows === rus.count, { rusRows, expected: rus.count });
  check("the form shows the URL's filter", (await page.inputValue("input[name=actor]")) === "RUS");

  // 4. filtering with the form puts the filter in the URL
  await page.goto(base);
  await page.waitForSelector("[data-testid=event-row]");
  await page.selectOption("select[name=quad]", "4");
  await page.click("button[type=submit]");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("quad") === "4");
  const q4 = await api("/api/events?quad=4&limit=25");
  await page.waitForFunction((n) => document.querySelectorAll("[data-testid=event-row]").length === n, q4.count);
  check("the QuadClass filter lists only its events", (await page.locator("[data-testid=event-row]").count()) === q4.count);

  // 5. markup in an article is text, never code
  const hostile = await api("/api/events?doc=hostile-1&limit=25");
  await page.goto(`${base}?text=border&event=${hostile.events[0].id}`);
  await page.waitForSelector("#detail:not([hidden]) [data-testid=evidence]");
  const shown = await page.locator("[data-testid=evidence]").first().textContent();
  check("a <script> in an article is shown as text", shown.includes("<script>window.__pwned = 1</script>"), shown);
  check("no script from an article ran", (await page.evaluate(() => window.__pwned)) === undefined);
  check("no element from an article was created", (await page.locator("#detail script, #detail img, #detail b").count()) === 0);

  // 6. a phone-width screen
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  phone.setDefaultTimeout(90000);
  await phone.goto(`${base}?event=${ev.id}`);
  await phone.waitForSelector("#detail:not([hidden]) [data-testid=evidence]");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check("no sideways scrolling at phone width", overflow <= 1, overflow);
  await phone.screenshot({ path: `${shots}/phone.png`, fullPage: true });

  check("no errors in the page", pageErrors.length === 0, pageErrors);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
