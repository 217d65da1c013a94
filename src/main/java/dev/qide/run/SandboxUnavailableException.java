package dev.qide.run;

/** Runs are refused because the sandbox cannot be set up on this server; the message says why, for people. */
public class SandboxUnavailableException extends RuntimeException {

    public SandboxUnavailableException(String message) {
        super(message);
    }
}
