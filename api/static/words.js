// The graph's predicates and roles in the words an analyst reads, and the dedupe of facts that
// the graph stores twice (ATTENDED beside PARTICIPATED_IN as attendee is one fact).

/** Per predicate: [phrase from the subject, phrase from the object]. */
const PREDICATES = {
  ATTENDED: ["took part in", "attended by"],
  MEDIATED: ["mediated", "mediated by"],
  DEMANDED: ["demanded", "demanded by"],
  KILLED: ["killed", "killed by"],
  MEMBER_OF: ["member of", "has as member"],
  LEADS: ["heads", "headed by"],
  PROPOSED: ["proposed", "proposed by"],
  REJECTED: ["rejected", "rejected by"],
  ACCUSED: ["accused", "accused by"],
  WITHDREW_FROM: ["withdrew from", "left by"],
  PRECEDED: ["came before", "came after"],
  CAUSED: ["led to", "followed from"],
  HELD_IN: ["held in", "venue of"],
  MENTIONS: ["mentions", "mentioned in"],
  PARTICIPATED_IN: ["took part in", "joined by"],
};

/** Per role of an entity in an event: [phrase from the entity, the role as a noun]. */
const ROLES = {
  attendee: ["took part in", "took part"],
  mediator: ["mediated", "mediator"],
  host: ["hosted", "host"],
  victim: ["was the victim of", "victim"],
  perpetrator: ["carried out", "carried it out"],
  actor: ["carried out", "carried it out"],
  target: ["was targeted by", "targeted"],
  proposer: ["proposed", "proposed it"],
};

function words(value) {
  return String(value || "").replaceAll("_", " ").toLowerCase();
}

/** A predicate as read from its subject ("heads"), or from its object when `inward` ("headed by"). */
export function predicatePhrase(predicate, inward = false) {
  const pair = PREDICATES[predicate];
  return pair ? pair[inward ? 1 : 0] : words(predicate);
}

/** What an entity did in an event, from the predicate and the role: "took part in", "hosted". */
export function factPhrase(predicate, role) {
  if (role && ROLES[role] && (predicate === "PARTICIPATED_IN" || !predicate)) return ROLES[role][0];
  return predicatePhrase(predicate);
}

/** A role as a short noun for a participants list: "mediator", "took part". */
export function roleNoun(role) {
  return ROLES[role]?.[1] || words(role);
}

/** The distinct phrases of an entity's edges to an event (`links` of a profile's event list:
 * each a predicate, with the role of a PARTICIPATED_IN edge). */
export function linkPhrases(links) {
  const roled = links.some((l) => ROLES[l.role]);
  const phrases = [];
  for (const { predicate, role } of links) {
    if (ROLES[role]) phrases.push(ROLES[role][0]);
    else if (predicate === "PARTICIPATED_IN" && roled) continue;
    else phrases.push(predicatePhrase(predicate));
  }
  return [...new Set(phrases)];
}

/** Why a roll call lists an attendee, from the API's `links` (ATTENDED, PARTICIPATED_IN, or
 * MEMBER_OF/LEADS with the `delegation_id` that attended). */
export function attendancePhrases(links, delegationName) {
  const out = new Set();
  for (const { predicate, delegation_id: delegation } of links) {
    if (predicate === "MEMBER_OF") out.add(`in ${delegationName && delegation ? delegationName : "an attending delegation"}`);
    else if (predicate === "ATTENDED" || predicate === "PARTICIPATED_IN") out.add("named as taking part");
    else if (predicate === "MEDIATED") out.add("named as mediator");
    else out.add(predicatePhrase(predicate));
  }
  return [...out];
}

/** One fact per subject, phrase and object: the stored pairs such as ATTENDED and
 * PARTICIPATED_IN(attendee) become one, with the quotes of both kept once each. */
export function dedupeFacts(relations) {
  const facts = new Map();
  for (const r of relations) {
    const phrase = factPhrase(r.predicate, r.role);
    const key = `${r.subject.id}|${phrase}|${r.object.id}`;
    const known = facts.get(key);
    if (!known) {
      facts.set(key, { ...r, phrase, evidence: [...(r.evidence || [])] });
      continue;
    }
    const seen = new Set(known.evidence.map(quoteKey));
    for (const q of r.evidence || []) if (!seen.has(quoteKey(q))) known.evidence.push(q);
  }
  return [...facts.values()];
}

/** One quote per article and sentence. */
export function quoteKey(q) {
  return `${q.article?.id || ""}|${q.start ?? ""}|${q.sentence}`;
}
