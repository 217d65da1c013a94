package dev.qide.team;

import java.util.UUID;

/** Whether a workspace still pays for a subscription: answered by billing, asked before a team is deleted. */
public interface Subscriptions {

    /** True while the workspace has a subscription that has not ended. */
    boolean running(UUID workspaceId);
}
