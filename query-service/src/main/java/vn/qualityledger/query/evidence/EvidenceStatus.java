package vn.qualityledger.query.evidence;

/** Where a piece of evidence stands as of a date: awaiting review until it is decided. */
public enum EvidenceStatus { SUBMITTED, ACCEPTED, REJECTED }
