package dev.qide.team;

/** Where an invitation stands. Only a PENDING one that has not expired can be accepted. */
public enum InviteStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    REVOKED
}
