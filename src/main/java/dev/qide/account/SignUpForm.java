package dev.qide.account;

import org.jboss.resteasy.reactive.RestForm;

/** The sign-up form as posted. */
public class SignUpForm {

    @RestForm
    public String email;

    @RestForm
    public String displayName;

    @RestForm
    public String password;

    /** The same answers without the password, to show the form again: a password is never sent back to a page. */
    public SignUpForm withoutPassword() {
        SignUpForm copy = new SignUpForm();
        copy.email = email;
        copy.displayName = displayName;
        return copy;
    }
}
