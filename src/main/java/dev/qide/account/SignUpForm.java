package dev.qide.account;

import org.jboss.resteasy.reactive.RestForm;

/** The sign-up form as posted; {@code next} is where to go afterwards (an invitation, say). */
public class SignUpForm {

    @RestForm
    public String email;

    @RestForm
    public String displayName;

    @RestForm
    public String password;

    @RestForm
    public String next;

    /** An empty form, with the address filled in when a link brought one (an invitation's). */
    public static SignUpForm prefilled(String email, String next) {
        SignUpForm form = new SignUpForm();
        form.email = email == null ? null : email.strip();
        form.next = next;
        return form;
    }

    /** The same answers without the password, to show the form again: a password is never sent back to a page. */
    public SignUpForm withoutPassword() {
        SignUpForm copy = new SignUpForm();
        copy.email = email;
        copy.displayName = displayName;
        copy.next = next;
        return copy;
    }
}
