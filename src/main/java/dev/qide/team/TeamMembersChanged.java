package dev.qide.team;

import java.util.UUID;

/** Fired inside the transaction that added or removed a member; billing keeps the seat count in step after commit. */
public record TeamMembersChanged(UUID workspaceId) {}
