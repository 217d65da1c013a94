package dev.qide.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {

    @Test
    void nextStaysOnThisSite() {
        assertThat(Routes.safeNext("/settings?tab=1")).isEqualTo("/settings?tab=1");
        assertThat(Routes.safeNext(null)).isEqualTo(Routes.DASHBOARD);
        assertThat(Routes.safeNext("https://evil.example")).isEqualTo(Routes.DASHBOARD);
        assertThat(Routes.safeNext("//evil.example")).isEqualTo(Routes.DASHBOARD);
        assertThat(Routes.safeNext("/\\evil.example")).isEqualTo(Routes.DASHBOARD);
        assertThat(Routes.safeNext("/ok\r\nSet-Cookie: x")).isEqualTo(Routes.DASHBOARD);
    }

    @Test
    void nextThatNoRedirectCanCarryIsTheDashboardNeverAnError() {
        assertThat(Routes.safeNext("/ /x")).isEqualTo(Routes.DASHBOARD);
        assertThat(Routes.safeNext("/a b")).isEqualTo(Routes.DASHBOARD);
        assertThat(Routes.safeNext("/%zz")).isEqualTo(Routes.DASHBOARD);
        assertThat(Routes.safeNext("/settings#section")).isEqualTo("/settings#section");
        assertThat(Routes.loginThen("/ /x")).isEqualTo("/login");
    }

    @Test
    void loginLinkCarriesNextOnlyWhenItIsNotTheDashboard() {
        assertThat(Routes.loginThen("/dashboard")).isEqualTo("/login");
        assertThat(Routes.loginThen("/settings")).isEqualTo("/login?next=%2Fsettings");
        assertThat(Routes.loginThen("//evil")).isEqualTo("/login");
    }
}
