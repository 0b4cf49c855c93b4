// The audit steps of the browser test: alice audits her own chain, bob audits hers as the
// network holds it, until every record replays clean.

import { ACTION_MS, REPLICATION_MS, check, flat, log, pollUntil, refresh, screenshot } from "./lib.mjs";

async function auditRows(page) {
  return await page.getByTestId("audit-row").evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("td")].map((td) => td.textContent.replace(/\s+/g, " ").trim());
      return { seq: Number(cells[0]), what: cells[1], figure: cells[2], verdict: cells[3] };
    }),
  );
}

/** The Audit view's report as one line, for progress and failures. */
async function auditSummary(page) {
  const report = page.getByTestId("audit-report");
  if ((await report.count()) === 0) return "no report shown";
  const rows = await auditRows(page);
  const bad = rows.filter((r) => r.verdict !== "valid" && r.verdict !== "private (not replayable by others)");
  const findings = bad.map((r) => `#${r.seq} ${r.what}: ${r.verdict}`).join("; ");
  return `report "${await flat(page.getByTestId("audit-verdict"))}", ${await flat(page.getByTestId("audit-facts"))}${findings ? `; findings: ${findings}` : ""}`;
}


export async function auditSteps(alice, bob, keyAtOnboarding) {
  // Alice's key as her header shows it (the short form's title is the whole key).
  const aliceKey = await alice.getByTestId("my-agent-key-short").getAttribute("title");
  check(aliceKey === keyAtOnboarding, `alice's header shows key ${aliceKey}, not ${keyAtOnboarding} of her onboarding`);

  await alice.getByTestId("nav-audit").click();
  const ownInput = await alice.getByTestId("audit-agent").inputValue();
  check(ownInput === aliceKey, `alice's audit form starts with "${ownInput}", not her own key`);
  await refresh(alice, "audit-button");
  const ownClean = async () =>
    (await alice.getByTestId("audit-report").count()) > 0 && (await alice.getByTestId("audit-verdict").innerText()).trim() === "clean";
  await pollUntil(alice, "alice's audit of her own chain clean", "audit-button", ownClean, ACTION_MS, () => auditSummary(alice));
  const ownFacts = await flat(alice.getByTestId("audit-facts"));
  const ownMatch = ownFacts.match(/^Chain valid, (\d+) actions, read from their own source chain /);
  check(ownMatch, `alice's own audit does not read her valid source chain: ${ownFacts}`);
  const actions = Number(ownMatch[1]);
  const ownRows = await auditRows(alice);
  check(ownRows.length === actions, `alice's own audit lists ${ownRows.length} rows for ${actions} actions`);
  const ownBad = ownRows.filter((r) => r.verdict !== "valid");
  check(ownBad.length === 0, `alice's own records replay with findings: ${JSON.stringify(ownBad)}`);
  log(`alice's own audit: ${await auditSummary(alice)}`);
  await screenshot(alice, "alice-self-audit");

  // Bob pastes her key. The network holds her chain once her last actions have reached their
  // authorities, and every record replays once Bob's node can fetch what it depends on.
  await bob.bringToFront();
  await bob.getByTestId("nav-audit").click();
  await bob.getByTestId("audit-agent").fill(aliceKey);
  await refresh(bob, "audit-button");
  const complete = async () => {
    if ((await bob.getByTestId("audit-report").count()) === 0) return false;
    if ((await bob.getByTestId("audit-verdict").innerText()).trim() !== "clean") return false;
    const facts = await flat(bob.getByTestId("audit-facts"));
    return facts.startsWith(`Chain valid, ${actions} actions, read from the network `);
  };
  await pollUntil(bob, `bob's audit of alice's whole chain (${actions} actions) clean`, "audit-button", complete, REPLICATION_MS, () =>
    auditSummary(bob),
  );
  check((await bob.getByTestId("form-error").count()) === 0, "bob's audit form shows an error");
  const report = bob.getByTestId("audit-report");
  const title = await flat(report.locator("h2"));
  const shortKey = `${aliceKey.slice(0, 8)}…${aliceKey.slice(-6)}`;
  check(title === "alice: clean" || title === `${shortKey}: clean`, `bob's report is headed "${title}", not alice's clean chain`);
  const facts = await flat(bob.getByTestId("audit-facts"));
  const expectedFacts = `Chain valid, ${actions} actions, read from the network Warrants none Rejected actions none Distributions and decisions nothing found`;
  check(facts === expectedFacts, `bob's report reads "${facts}", not "${expectedFacts}"`);
  const rows = await auditRows(bob);
  check(rows.length === actions, `bob's report lists ${rows.length} rows for ${actions} actions`);
  check(
    rows.every((r, i) => r.seq === i),
    `bob's report does not list her actions 0 to ${actions - 1} in order: ${rows.map((r) => r.seq).join(",")}`,
  );
  for (const r of rows) {
    // Her private profile, and the capability grant that lets others send her payout-details
    // access, are only hashes to others: the records they cannot replay.
    const hidden = r.what === "PrivateProfile" || r.what === "CapGrant";
    const expected = hidden ? "private (not replayable by others)" : "valid";
    check(r.verdict === expected, `bob's report says "${r.verdict}" for her action #${r.seq} (${r.what}), not ${expected}`);
  }
  const only = (what) => {
    const found = rows.filter((r) => r.what === what);
    check(found.length === 1, `bob's report lists ${found.length} ${what} records of alice, not 1: ${JSON.stringify(rows.map((r) => r.what))}`);
    return found[0];
  };
  for (const what of ["Profile", "Project", "Contribution"]) only(what);
  const incomeRow = only("IncomeEvent");
  check(/^income of 10000 to project uhCkk/.test(incomeRow.figure), `her income's figure reads "${incomeRow.figure}"`);
  const settlementRow = only("Settlement");
  check(/^settles 1 contributions of \d{4}-\d{2}$/.test(settlementRow.figure), `her settlement's figure reads "${settlementRow.figure}"`);
  const distributionRow = only("Distribution");
  check(
    /^distributes income uhCkk\S+: 1 payouts totalling 10000, 0 retained$/.test(distributionRow.figure),
    `her distribution's figure reads "${distributionRow.figure}"`,
  );
  check(
    rows.filter((r) => r.what === "PrivateProfile").length <= 1,
    "bob's report lists more than one private profile of alice",
  );
  log(`bob's audit of alice: ${await auditSummary(bob)}`);
  await screenshot(bob, "bob-audit");
}
