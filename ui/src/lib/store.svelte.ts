// What several views share: my profile, the projects, the selected project and the nicknames
// of agents met so far.

import type { AgentPubKey } from "@holochain/client";
import { b64, sameHash } from "./format";
import { app } from "./node.svelte";
import type { Contribution } from "./zomes/contributions";
import { getAllProjects, getMyProfile, getProfile, getProjectInForce, type Profile, type Project, type ProjectInForce } from "./zomes/members";
import { readRecord, readRecords, type Entry } from "./zomes/types";

export const store = $state({
  /** My current profile; null until I create one. */
  myProfile: null as Entry<Profile> | null,
  /** Whether get_my_profile has answered. */
  profileChecked: false,
  projects: [] as Entry<Project>[],
  /** Each project as its version in force has it (stewards, purpose, parent), by project in text form. */
  inForce: {} as Record<string, ProjectInForce>,
  projectsLoaded: false,
  /** The project the views work on, in text form ("" for none). */
  selectedProject: "",
  /** My contribution the log form corrects (My contributions → Correct…); null for a new one. */
  correcting: null as Entry<Contribution> | null,
  /** Nicknames by agent key in text form. */
  nicknames: {} as Record<string, string>,
});

const asked = new Set<string>();

export async function loadMyProfile(): Promise<void> {
  const record = await getMyProfile();
  store.myProfile = record ? readRecord<Profile>(record) : null;
  if (store.myProfile && app.myKey) store.nicknames[b64(app.myKey)] = store.myProfile.entry.nickname;
  store.profileChecked = true;
}

export async function loadProjects(): Promise<void> {
  const projects = readRecords<Project>(await getAllProjects());
  store.projects = projects;
  // Each project as its version in force has it; one that cannot be read now keeps what was
  // known (or shows as created) rather than hiding the list.
  const views = await Promise.allSettled(projects.map((p) => getProjectInForce(p.hash)));
  const inForce = { ...store.inForce };
  views.forEach((v, i) => {
    if (v.status === "fulfilled") inForce[b64(projects[i].hash)] = v.value;
  });
  store.inForce = inForce;
  store.projectsLoaded = true;
  const known = store.projects.some((p) => b64(p.hash) === store.selectedProject);
  if (!known) store.selectedProject = store.projects.length ? b64(store.projects[0].hash) : "";
}

export function projectName(hash: Uint8Array | null | undefined): string {
  if (!hash) return "(none)";
  return store.projects.find((p) => sameHash(p.hash, hash))?.entry.name ?? "(a project not listed yet)";
}

export function isMe(agent: AgentPubKey | null | undefined): boolean {
  return sameHash(agent, app.myKey);
}

/** Whether I am a steward of `project` as its version in force has it. */
export function isSteward(project: Entry<Project> | undefined): boolean {
  if (!project) return false;
  const stewards = store.inForce[b64(project.hash)]?.stewards ?? project.entry.stewards;
  return stewards.some((s) => isMe(s));
}

/** Looks an agent's nickname up once (for display); errors show in the banner. */
export async function lookUpNickname(agent: AgentPubKey): Promise<void> {
  const key = b64(agent);
  if (asked.has(key) || store.nicknames[key]) return;
  asked.add(key);
  try {
    const record = await getProfile(agent);
    if (record) store.nicknames[key] = readRecord<Profile>(record).entry.nickname;
  } catch {
    asked.delete(key);
  }
}
