package dev.qide.plan;

import io.quarkus.qute.TemplateEnum;

/** Yes/no capabilities a plan switches on. */
@TemplateEnum
public enum Feature {
    CODE_EXECUTION,
    OUTGOING_WEBHOOKS,
    VERSION_HISTORY,
    CUSTOM_ENDPOINT,
    ROLES,
    SHARED_WORKSPACES,
    AUDIT_LOG,
    MEMBER_QUOTAS,
    SSO,
    PLATFORM_MANAGED_KEYS
}
