package dev.qide.run;

import java.util.Optional;

/** Runs a project's file in isolation from the server, under time, memory, process and output limits. */
public interface Sandbox {

    /** Why this server refuses runs (e.g. bubblewrap is not installed), for people; empty when runs can start. */
    Optional<String> unavailableReason();

    /**
     * Starts the request's entry file and returns at once; output goes to {@code output} as the program writes it.
     * Never runs anything outside the sandbox.
     *
     * @throws SandboxUnavailableException when the sandbox cannot be set up on this server
     */
    SandboxRun start(SandboxRequest request, SandboxOutput output);
}
