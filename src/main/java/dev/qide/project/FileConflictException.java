package dev.qide.project;

import dev.qide.web.HttpProblem;

/** A save that started from an older revision than the file now has: nothing was written. */
public class FileConflictException extends HttpProblem {

    private final transient ProjectFile current;

    public FileConflictException(ProjectFile current) {
        super(
                409,
                "Someone saved \"" + current.name() + "\" after you opened it (now at revision " + current.revision
                        + "). Nothing was overwritten: compare the two and choose which to keep.");
        this.current = current;
    }

    public ProjectFile current() {
        return current;
    }
}
