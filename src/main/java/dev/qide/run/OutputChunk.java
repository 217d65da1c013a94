package dev.qide.run;

/** A piece of a running program's output, as it was written. */
public record OutputChunk(Stream stream, String text) {

    /** Which of the program's output streams the text came from. */
    public enum Stream {
        STDOUT,
        STDERR
    }
}
