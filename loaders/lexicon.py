"""The shape of the trigger lexicon (loaders/data/patterns.json), checked once when it is loaded.

Every section is a model that forbids unknown keys, so a misspelt key, a word list given as a
string, an unknown role or an invalid regular expression fails at load with the path of the
bad field, not later as a silently empty rule.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from graph.models import EntityType, EventKind, Role

Words = list[str]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Talks(_Section):
    """Words that name talks, attendance, mediation, hosting and speech."""

    nouns: Words
    verbs: Words
    attend_verbs: Words
    mediator_cues: Words
    convene_verbs: dict[str, Words] = {}  # 'brought the two sides together': who convenes mediates
    handing_verbs: Words = []  # 'passed both sides a revised text': who does it mediates
    host_cues: Words
    speech_verbs: Words
    dating_verbs: Words
    partner_verbs: dict[str, Words]
    noun_phrases: Words
    partner_nouns: dict[str, Words]
    not_nouns: Words = []  # 'a news conference' is no round of talks
    visit_verbs: Words = []  # 'flew in to see him': a meeting when a trip is for it
    travel_verbs: Words = []
    new_round_words: Words = []  # 'a fresh round': not the round told of earlier that month
    new_round_verbs: Words = []  # 'will travel to Cairo on Tuesday to resume the negotiations'


class Attendance(_Section):
    """Verbs that put persons at the round under way, by the frame each one takes."""

    join_verbs: Words
    represent_verbs: Words
    member_verbs: Words
    member_phrasal: dict[str, Words]
    company_verbs: Words
    presence_nouns: Words
    travel_verbs: Words = []  # 'flew in for the session': the traveller attends


class Delegation(_Section):
    """Nouns for delegations (mapped to the name they give), and the words around them."""

    nouns: dict[str, str]
    needs_negotiating: Words
    between_side_and_noun: Words
    lead_verbs: Words


class KindFrame(_Section):
    """Triggers of one event kind and how their arguments are read."""

    nouns: Words
    verbs: Words
    verbs_need_object: Words = []
    verb_objects: Words | None = None
    verbs_need_for: Words = []
    verbs_need_clause: Words = []  # 'wrote that ...' states; 'wrote a memoir' does not
    verbs_need_target: Words = []  # 'struck southern Lebanon' attacks; 'struck a deal' does not
    verbs_not_with: dict[str, Words] = {}  # 'spoke with X' is a call; 'called back' a recall
    verbs_without_object: Words = []  # 'spoke to reporters' is said; 'speaks Arabic' is not
    verb_clauses: Words = []  # 'named X to succeed him' fills a verb that needs an object
    first_role: Role = Role.ACTOR
    anchor: Literal["actor", "place"] = "actor"
    noun_needs_actor: bool = False
    verbs_only: bool = False
    needs_date: bool = False
    of_is_actor: bool = False
    between_are_parties: bool = False  # 'the deal reached between X and Y': X and Y make it
    content_verbs: Words = []
    noun_participles: Words = []
    positions: Words = []
    not_nouns: Words = []
    since_only_nouns: Words = []
    start_verbs: Words = []  # 'the war began on 7 October' dates a since-only noun too
    campaign_verbs: Words = []  # 'resumed its strikes': attacks renewed are a campaign
    dating_verbs: Words = []
    delivered_nouns: Words = []  # 'Hamas delivered its reply': a trigger only when handed over
    subject_verbs: Words = []  # '600 trucks of aid crossed into Gaza': a trigger by its subject
    subject_nouns: Words = []  # what the subject of a subject verb must be


class Killing(_Section):
    """Triggers of killings, and the verbs by which a party owns a killing just told."""

    nouns: Words
    verbs: Words
    owning_up: dict[str, Words] = {}  # 'Israel had done it', 'Israel was behind it'


class Withdrawal(_Section):
    """Verbs of leaving, the particles phrasal ones need, and what a party withdraws from."""

    nouns: Words
    verbs: Words
    phrasal: dict[str, Words]
    of: Words
    need_talks: Words
    troop_nouns: Words = []  # 'Israeli troops pulled back': the side the troops serve


class Release(_Section):
    """Verbs of freeing people and the nouns that tell hostages from prisoners."""

    verbs: Words
    phrasal: dict[str, Words]
    hostage_nouns: Words
    prisoner_nouns: Words


class Onset(_Section):
    """Nouns that name a truce and the verb frames that start one ('took effect')."""

    nouns: Words
    verbs: Words
    verb_objects: dict[str, Words]


class Events(_Section):
    """The event kinds' triggers."""

    killing: Killing
    withdrawal: Withdrawal
    release: Release
    onset: Onset
    proposal: KindFrame
    agreement: KindFrame
    military_operation: KindFrame
    attack: KindFrame
    arms_transfer: KindFrame
    statement: KindFrame
    other: KindFrame
    aid: KindFrame
    election: KindFrame | None = None
    continuation_verbs: Words
    acting_for: Words
    one_per_day: list[EventKind]
    victim_list_preps: Words = []  # 'five were killed, among them X and Y'


class Relations(_Section):
    """Verbs and nouns of demands, rejections, accusations, proposals and event links."""

    demand_verbs: Words
    demand_nouns: Words
    reject_verbs: Words
    reject_adjectives: Words
    accuse_verbs: Words
    blame_words: Words  # 'X said Israel was thwarting the talks': X accuses Israel
    accuse_nouns: Words
    propose_verbs: Words
    causal_verbs: Words
    causal_markers: Words
    precede_verbs: Words
    request_verbs: Words
    demand_verbs_need_for: Words
    refusal_nouns: Words
    talks_request_verbs: Words
    refused_acceptance_verbs: Words = []  # 'Israel will not agree to end the war': rejects it
    reject_verbs_with_to: Words = []  # 'objected to Washington talking to Hamas'


class Titles(_Section):
    """Titles that make a person a leader or a member, and qualifiers that demote a leader."""

    leader: Words
    member: Words
    state_leader: Words  # titles that lead a country ('Qatar's prime minister'), not its bodies
    member_qualifiers: Words
    lead_verbs: Words


class Ner(_Section):
    """How the recogniser's labels map to entity types, and names it gets wrong."""

    labels: dict[str, EntityType]
    stop: Words


class Countries(_Section):
    """Cues that a name the dictionary lacks is a country, an organization or a host."""

    state_nouns: Words
    organization_words: Words
    host_cues: Words
    body_nouns: Words = []  # 'Egypt's foreign ministry': a body of the state


class Coreference(_Section):
    """Definite descriptions ('the movement') and the entity type they refer back to."""

    descriptions: dict[str, EntityType]
    same_office: list[Words] = []  # words naming one office ('premier', 'prime minister')


class Status(_Section):
    """Cue words of the claim status of a fact."""

    negators: Words
    condition_marks: Words
    conditional_aux: Words
    denial_verbs: Words
    doubt_cues: Words
    plan_verbs: Words
    negating_preps: Words
    absence_verbs: dict[str, Words]


class Order(_Section):
    """Regular expressions of the words that order events ('A day later', ', then')."""

    later_openings: Words
    earlier_openings: Words
    later_within: Words
    later_anywhere: Words
    earlier_anywhere: Words

    @field_validator(
        "later_openings", "earlier_openings", "later_within", "later_anywhere", "earlier_anywhere"
    )
    @classmethod
    def _compiles(cls, patterns: Words) -> Words:
        for p in patterns:
            try:
                re.compile(p)
            except re.error as e:
                raise ValueError(f"{p!r} is not a regular expression: {e}") from e
        return patterns


class Grammar(_Section):
    """Function words of tense, time, conditions and negation that the rules read."""

    future_aux: Words
    future_frames: Words
    time_nouns: Words
    counted_references: dict[str, int]  # 'the four convened again': four people just named
    speech_vehicles: Words  # 'in a statement on Friday, X said': the date is the saying's
    condition_marks: Words
    attempt_verbs: Words  # 'sought to seal a deal': tried, not done
    negating_preps: Words
    force_nouns: Words = []  # 'Israeli warplanes struck': the side whose forces act
    ordinals: dict[str, int] = {}  # 'a second day of meetings on Thursday'
    ending_verbs: Words = []  # 'two days of talks ended on Friday'
    abbreviations: Words = []  # 'Maj. Gen. (res.) Nitzan Alon': no sentence ends after them
    state_participles: Words = []  # 'freed the hostages held in Gaza on Monday': freed Monday
    reply_verbs: Words = []  # 'X replied that ...': on the day of what it replies to


class Stances(_Section):
    """Words of evaluations and deal conditions ('sees X as', 'any deal must include')."""

    evaluating_verbs: Words
    deal_nouns: Words
    asking_nouns: Words
    must_verbs: Words
    clause_object_verbs: Words
    condition_marks: Words  # 'will not stop until X': X is demanded
    holding_verbs: Words  # 'delays the release until X', 'will press on until X'


class Staff(_Section):
    """How a text introduces the outlet's own people, and the role words of speaker labels."""

    introductions: Words
    roles: Words


class Appeals(_Section):
    """Demands in other words: ultimatums, needs stressed, pressure towards an end."""

    condition_marks: Words  # 'if X is not done by Saturday, ...'
    negative_marks: Words  # 'unless X is done by Saturday, ...'
    threat_aux: Words  # '... the truce will end': what makes a condition a threat
    warning_verbs: Words
    stressing_verbs: Words  # 'stressed the need to ...'
    need_nouns: Words
    pressure_verbs: Words  # 'pressed the government into a deal'
    towards_preps: Words


class Lexicon(_Section):
    """The whole trigger lexicon."""

    talks: Talks
    attendance: Attendance
    delegation: Delegation
    events: Events
    relations: Relations
    titles: Titles
    ner: Ner
    countries: Countries
    coreference: Coreference
    status: Status
    order: Order
    grammar: Grammar
    stances: Stances
    staff: Staff
    appeals: Appeals
