package dev.qide.web;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * A form body the REST layer could not read (an invalid escape such as {@code a=%zz}, more than 1,000 fields, an
 * unknown charset, a multipart body cut short) is the sender's mistake: 400 (415 for the charset) with what is wrong.
 * The form reader throws plain exceptions ({@code IllegalArgumentException}, {@code RuntimeException},
 * {@code IOException}), so they are told apart from our own bugs by where they were thrown: inside the form reader.
 */
final class FormBodyProblems {

    private static final String FORM_READER = "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler";

    private FormBodyProblems() {}

    /** The problem to answer when {@code e} was thrown while reading a form body; empty for anything else. */
    static Optional<HttpProblem> of(Throwable e) {
        if (!thrownReadingForm(e)) {
            return Optional.empty();
        }
        Log.debugf("Refused a form body: %s", e.getClass().getSimpleName());
        if (e instanceof UnsupportedCharsetException || e instanceof IllegalCharsetNameException) {
            return Optional.of(new HttpProblem(415, "The form's charset is not one this server reads: send UTF-8."));
        }
        if (String.valueOf(e.getMessage()).startsWith("Param limit")) {
            return Optional.of(new HttpProblem(400, "The form has more fields than this server reads (1,000)."));
        }
        if (e instanceof IllegalArgumentException) {
            return Optional.of(new HttpProblem(
                    400, "The form holds a % that does not start an escape (% followed by two hex digits)."));
        }
        if (e instanceof IOException) {
            return Optional.of(new HttpProblem(400, "The form ended before it was complete."));
        }
        return Optional.of(new HttpProblem(400, "The form could not be read."));
    }

    private static boolean thrownReadingForm(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals(FORM_READER)) {
                return true;
            }
        }
        return false;
    }
}
