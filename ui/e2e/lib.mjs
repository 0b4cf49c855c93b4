// What the browser test's steps share: the node it starts, the pages it drives, and the ways it
// waits, looks and fails (ui/e2e/e2e.mjs runs the scenario).

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const NODE_BIN = resolve(ROOT, process.env.OVN_NODE_BIN || "target/debug/ovn-node");
export const HAPP = join(ROOT, "workdir", "ovn.happ");
export const PACK_BIN = resolve(ROOT, process.env.OVN_PACK_BIN || "target/debug/ovn-pack");
/** The governance rules of the browser test's network (see [`forkForTest`]). */
export const GOVERNANCE = join(ROOT, "ui", "e2e", "governance.yaml");
export const UI_DIST = join(ROOT, "ui", "dist");
export const SHOTS = join(ROOT, "target", "e2e-screenshots");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

export const NODE_READY_MS = 10 * 60_000;
export const REPLICATION_MS = 3 * 60_000;
export const FIRST_LOAD_MS = 5 * 60_000;
export const SHUTDOWN_MS = 60_000;
export const ACTION_MS = 120_000;

export const started = Date.now();
export const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
export const log = (message) => console.log(`[e2e ${elapsed()}] ${message}`);

export class Failure extends Error {}
export function check(condition, message) {
  if (!condition) throw new Failure(message);
}

// The node ------------------------------------------------------------------------------------

/**
 * The network the browser test runs: the DNA's constitution forked with `ovn-pack fork`, whose
 * proposals may close within a minute (GOVERNANCE) so the test decides; everything else as in
 * the hApp a user runs, decisions binding. Returns the fork's hApp in `dir`.
 */
export function forkForTest(dir) {
  const out = join(dir, "network");
  const args = ["fork", out, "--name", "OVN browser test", "--governance", GOVERNANCE];
  log(`forking the network: ${PACK_BIN} ${args.join(" ")}`);
  const forked = spawnSync(PACK_BIN, args, { cwd: ROOT, encoding: "utf8" });
  if (forked.status !== 0) throw new Failure(`ovn-pack fork failed (status ${forked.status}): ${forked.stderr || forked.error}`);
  const happ = readdirSync(out).find((file) => file.endsWith(".happ"));
  if (!happ) throw new Failure(`ovn-pack fork wrote no hApp into ${out}`);
  return join(out, happ);
}

/** Starts ovn-node with `agents` agents of `happ`; resolves with its process and each agent's URL once it says it is ready. */
export function startNode(dataDir, agents, happ) {
  const args = ["--agents", String(agents), "--port", "0", "--data-dir", dataDir, "--happ", happ, "--ui", UI_DIST];
  log(`starting ${NODE_BIN} ${args.join(" ")}`);
  const child = spawn(NODE_BIN, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise((resolveExit) => {
    child.on("exit", (code, signal) => resolveExit({ code, signal }));
    child.on("error", (error) => resolveExit({ code: null, signal: null, error }));
  });
  const ready = new Promise((resolveReady, rejectReady) => {
    const urls = new Map();
    let sawReady = false;
    const settle = () => {
      if (sawReady && urls.size >= agents) {
        clearTimeout(timer);
        resolveReady([...urls.entries()].sort((a, b) => a[0] - b[0]).map(([, url]) => url));
      }
    };
    const onLine = (stream) => (line) => {
      console.log(`[node ${stream}] ${line}`);
      const agent = line.match(/agent (\d+) .*?(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (agent) urls.set(Number(agent[1]), agent[2]);
      if (/^ovn-node: ready:/.test(line)) sawReady = true;
      settle();
    };
    createInterface({ input: child.stdout }).on("line", onLine("out"));
    createInterface({ input: child.stderr }).on("line", onLine("err"));
    const timer = setTimeout(
      () => rejectReady(new Failure(`ovn-node was not ready within ${NODE_READY_MS / 60_000} minutes`)),
      NODE_READY_MS,
    );
    exited.then(({ code, signal, error }) => {
      clearTimeout(timer);
      rejectReady(
        new Failure(
          error
            ? `ovn-node could not start: ${error.message}`
            : `ovn-node exited before it was ready (status ${code}, signal ${signal})`,
        ),
      );
    });
  });
  return { child, exited, ready };
}

/** SIGINT, then the exit status within `SHUTDOWN_MS` (SIGKILL after that). */
export async function stopNode(node) {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return await node.exited;
  node.child.kill("SIGINT");
  // The exit is waited on; the timer is only its deadline.
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), SHUTDOWN_MS)));
  const result = await Promise.race([node.exited, timeout]);
  clearTimeout(timer);
  if (result === "timeout") {
    node.child.kill("SIGKILL");
    await node.exited;
    return { code: null, signal: "SIGKILL", timedOut: true };
  }
  return result;
}

// Pages ---------------------------------------------------------------------------------------

let shot = 0;
/** Uncaught exceptions in the pages: any is a failure. */
export const pageErrors = [];
export async function screenshot(page, name) {
  shot += 1;
  const file = join(SHOTS, `${String(shot).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}

export async function openPage(browser, name, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.setDefaultTimeout(ACTION_MS);
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") console.log(`[${name} console.${msg.type()}] ${msg.text()}`);
  });
  page.on("pageerror", (error) => {
    console.log(`[${name} page error] ${error.stack || error.message}`);
    pageErrors.push(`${name}: ${error.message}`);
  });
  log(`${name} opens ${url}`);
  await page.goto(url);
  return page;
}

export function failOnPageErrors() {
  check(pageErrors.length === 0, `uncaught errors in the pages:\n  ${pageErrors.join("\n  ")}`);
}

/** The banner's text when it shows, else null. */
export async function bannerText(page) {
  const banner = page.getByTestId("error-banner");
  return (await banner.count()) > 0 ? (await banner.innerText()).trim() : null;
}

/**
 * Waits (Playwright's own wait on the page) for `locator` to reach `state` ("visible", or
 * "detached" for gone); fails at once with the banner's message if the error banner shows first.
 */
export async function waitForOrBanner(page, locator, what, timeout = ACTION_MS, state = "visible") {
  const settle = (promise, outcome) => promise.then(() => outcome, () => "timeout");
  const outcome = await Promise.race([
    settle(locator.first().waitFor({ state, timeout }), "reached"),
    settle(page.getByTestId("error-banner").waitFor({ state: "visible", timeout }), "banner"),
  ]);
  failOnPageErrors();
  if (outcome === "banner") throw new Failure(`${what}: the page shows an error: ${await bannerText(page)}`);
  if (outcome === "timeout") throw new Failure(`${what}: not within ${timeout / 1000} s`);
}

/** Waits for the first screen (onboarding, as a new agent), reloading if the page could not start. */
export async function waitForOnboarding(page, name) {
  const deadline = Date.now() + FIRST_LOAD_MS;
  const onboarding = page.getByTestId("onboarding");
  const whoami = page.getByTestId("whoami");
  const failed = page.getByTestId("connection-error").or(page.getByText("Could not read your profile"));
  while (Date.now() < deadline) {
    // Whichever of the three screens comes first.
    await onboarding.or(whoami).or(failed).first()
      .waitFor({ state: "visible", timeout: Math.max(1, deadline - Date.now()) })
      .catch(() => {});
    if (await onboarding.isVisible()) return;
    check(!(await whoami.isVisible()), `${name} already has a profile on a fresh node`);
    if ((await failed.count()) > 0) {
      log(`${name}'s page could not start (${(await failed.first().innerText()).replace(/\s+/g, " ")}); reloading`);
      await page.reload();
    }
  }
  throw new Failure(`${name}'s onboarding did not show within ${FIRST_LOAD_MS / 60_000} minutes`);
}

export async function createProfile(page, name, firstTryInvisible = false) {
  await waitForOnboarding(page, name);
  const key = (await page.getByTestId("my-agent-key").innerText()).trim();
  check(/^uhCAk[\w-]{48}$/.test(key), `${name}'s onboarding shows no agent key (got "${key}")`);
  log(`${name}'s agent key: ${key}`);
  await screenshot(page, `${name}-onboarding`);
  if (firstTryInvisible) {
    // A nickname of zero-width spaces passes the form (it is not blank to JavaScript's trim) and
    // meets validation's text rule: the banner names the field, short, and nothing is written.
    await page.getByTestId("profile-nickname").fill("\u200B\u200B");
    await page.getByTestId("profile-submit").click();
    const banner = page.getByTestId("error-banner");
    await banner.waitFor({ timeout: 60_000 });
    const message = (await banner.getByTestId("error-message").innerText()).trim();
    check(
      message.includes("nickname must not be empty or made only of invisible characters") && message.length < 200,
      `an invisible nickname's banner does not name the field in short: "${message}"`,
    );
    await screenshot(page, `${name}-invisible-nickname`);
    await banner.getByRole("button", { name: "Dismiss the error" }).click();
    check(await page.getByTestId("onboarding").isVisible(), "an invisible nickname left the onboarding page");
    log(`${name}'s invisible nickname was refused: "${message}"`);
  }
  await page.getByTestId("profile-nickname").fill(name);
  await page.getByTestId("profile-skills").fill("electronics, CAD");
  await page.getByTestId("profile-submit").click();
  await waitForOrBanner(page, page.getByTestId("whoami"), `${name}'s profile`);
  const shown = (await page.getByTestId("whoami").innerText()).trim();
  check(shown === name, `the header shows "${shown}", not ${name}`);
  await screenshot(page, `${name}-profile`);
  return key;
}

/**
 * Clicks a Refresh button and waits until it is enabled again: the view disables it while its
 * call runs (synchronously on click), so enabled again means the call finished.
 */
export async function refresh(page, testid) {
  if (!testid) return; // the look itself acts (a retried submit)
  // A test id, or the button itself where the page holds several (one per proposal card).
  const button = typeof testid === "string" ? page.getByTestId(testid) : testid;
  await waitEnabled(button);
  await button.click();
  await waitEnabled(button);
}

/** Waits, in the page, until the element is not disabled. */
export async function waitEnabled(locator, timeout = ACTION_MS) {
  const element = await locator.elementHandle({ timeout });
  await locator
    .page()
    .waitForFunction((el) => !el.disabled, element, { timeout })
    .catch(() => {
      throw new Failure(`a button stayed disabled for ${timeout / 1000} s`);
    });
}

/**
 * Refreshes until `found()` is true, logging progress (with what `progress()` says, if given,
 * of what the page shows meanwhile); fails after `timeout`.
 */
export async function pollUntil(page, what, refreshTestid, found, timeout = REPLICATION_MS, progress = null) {
  const since = Date.now();
  let logged = 0;
  // Each look is paced by the refresh itself (the view's zome calls), not by a pause.
  for (let attempt = 1; ; attempt++) {
    failOnPageErrors();
    if (await found()) {
      log(`${what}: yes after ${((Date.now() - since) / 1000).toFixed(0)} s (${attempt} look${attempt === 1 ? "" : "s"})`);
      return;
    }
    const banner = await bannerText(page);
    const elapsed = Date.now() - since;
    if (elapsed > timeout) {
      const seen = progress ? `; ${await progress()}` : "";
      throw new Failure(`${what}: not within ${timeout / 60_000} minutes${seen}${banner ? `; the page shows: ${banner}` : ""}`);
    }
    if (attempt === 1 || elapsed - logged >= 5000) {
      logged = elapsed;
      const seen = progress ? `; ${await progress()}` : "";
      log(`${what}: not yet (look ${attempt}, ${(elapsed / 1000).toFixed(0)} s)${seen}${banner ? `; banner: ${banner}` : ""}`);
    }
    await refresh(page, refreshTestid);
  }
}

/** An element's text on one line. */
export async function flat(locator) {
  return (await locator.innerText()).replace(/\s+/g, " ").trim();
}

/** The bars of a BarChart (`share-chart`): label, the text after the bar, the bar's width. */
export async function chartBars(chart) {
  return await chart.locator("g").evaluateAll((groups) =>
    groups.map((g) => {
      const texts = g.querySelectorAll(":scope > text");
      return {
        label: texts[0].textContent.trim(),
        text: texts[1].textContent.replace(/\s+/g, " ").trim(),
        width: Number(g.querySelector("rect").getAttribute("width")),
      };
    }),
  );
}

/** Fails unless `chart` has exactly one bar: `label` with the whole of `amount`. */
export async function checkWholeChart(chart, what, label, amount) {
  const bars = await chartBars(chart);
  const described = JSON.stringify(bars);
  check(bars.length === 1, `${what}: the chart has ${bars.length} bars, not 1: ${described}`);
  check(bars[0].label === label, `${what}: the bar is labelled "${bars[0].label}", not ${label}: ${described}`);
  check(bars[0].text === `${amount} · 100.0 %`, `${what}: the bar reads "${bars[0].text}", not "${amount} · 100.0 %"`);
  // BarChart draws the largest value over its whole width (BAR_WIDTH, 360).
  check(bars[0].width === 360, `${what}: the bar is ${bars[0].width} wide, not the whole 360`);
}

/** A `<input type="datetime-local" step="1">` value `secs` seconds from now, in the page's time zone. */
export async function localInputIn(page, secs) {
  return page.evaluate((ms) => {
    const d = new Date(Date.now() + ms);
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }, secs * 1000);
}
