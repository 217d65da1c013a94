package dev.qide.account;

import org.jboss.resteasy.reactive.RestForm;

/** The sign-in form as posted; {@code next} is where to go afterwards. */
public class LoginForm {

    @RestForm
    public String email;

    @RestForm
    public String password;

    @RestForm
    public String next;

    public static LoginForm empty(String next) {
        LoginForm form = new LoginForm();
        form.next = next;
        return form;
    }

    public LoginForm withoutPassword() {
        LoginForm copy = new LoginForm();
        copy.email = email;
        copy.next = next;
        return copy;
    }
}
