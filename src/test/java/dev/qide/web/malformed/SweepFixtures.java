package dev.qide.web.malformed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.account.user.User;
import dev.qide.apikey.ApiKey;
import dev.qide.billing.StripeProfile;
import dev.qide.byok.ProviderKey;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.Conversation;
import dev.qide.chat.conversation.MessageRole;
import dev.qide.chat.conversation.MessageStatus;
import dev.qide.identity.ApiScope;
import dev.qide.identity.WorkspaceRole;
import dev.qide.plan.PlanId;
import dev.qide.run.CodeRun;
import dev.qide.run.RunLanguage;
import dev.qide.run.RunStatus;
import dev.qide.support.ApiKeys;
import dev.qide.support.Browser;
import dev.qide.support.Passwords;
import dev.qide.support.TeamFixtures;
import dev.qide.support.Workspaces;
import dev.qide.web.malformed.Probe.Identity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the sweep signs in as and points at, all its own: a team owner working in a team on the Enterprise plan (no
 * rate limit or quota stops a probe before it reaches the code behind), a member of that team, a platform admin with a
 * team of their own to change, and an API key with every scope. Real ids of the team's project, file, version, run,
 * conversation, message, invitation, keys, and someone outside the team the project is shared with, so that one
 * malformed part at a time reaches past the lookups.
 */
final class SweepFixtures {

    static final String ADMIN_EMAIL = "sweep-admin@qide.test";

    final Browser owner;
    final Browser member;
    final Browser outsider;
    final Browser admin;
    final UUID teamId;
    final UUID memberUserId;
    final UUID outsiderUserId;
    final UUID projectId;
    final UUID fileId;
    final UUID versionId;
    final UUID conversationId;
    final UUID messageId;
    final UUID replyId;
    final UUID runId;
    final UUID inviteId;
    final UUID revocableKeyId;
    final UUID providerKeyId;
    final UUID adminTeamId;
    final String apiKey;

    private SweepFixtures(
            Browser owner, Browser member, Browser outsider, Browser admin, Map<String, UUID> ids, String apiKey) {
        this.owner = owner;
        this.member = member;
        this.outsider = outsider;
        this.admin = admin;
        this.teamId = ids.get("team");
        this.memberUserId = ids.get("memberUser");
        this.outsiderUserId = ids.get("outsiderUser");
        this.projectId = ids.get("project");
        this.fileId = ids.get("file");
        this.versionId = ids.get("version");
        this.conversationId = ids.get("conversation");
        this.messageId = ids.get("message");
        this.replyId = ids.get("reply");
        this.runId = ids.get("run");
        this.inviteId = ids.get("invite");
        this.revocableKeyId = ids.get("revocableKey");
        this.providerKeyId = ids.get("providerKey");
        this.adminTeamId = ids.get("adminTeam");
        this.apiKey = apiKey;
    }

    static SweepFixtures create() {
        Map<String, UUID> ids = new java.util.HashMap<>();
        Browser owner = Browser.signedUp("Sweep Owner");
        Browser member = Browser.signedUp("Sweep Member");
        Browser outsider = Browser.signedUp("Sweep Outsider");
        ids.put("outsiderUser", TeamFixtures.userId(outsider));
        UUID team = TeamFixtures.createThroughApi(owner, "Sweep Team", PlanId.ENTERPRISE);
        ids.put("team", team);
        TeamFixtures.addMember(team, member, WorkspaceRole.EDITOR);
        ids.put("memberUser", TeamFixtures.userId(member));
        TeamFixtures.switchThroughPage(owner, team);
        owner.get("/dashboard");

        UUID project = UUID.fromString(owner.createProject("Sweep Project"));
        ids.put("project", project);
        String files = "/api/projects/" + project + "/files";
        String file = owner.api()
                .body(Map.of("path", "main.py", "content", "print('sweep')\n"))
                .post(files)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ids.put("file", UUID.fromString(file));
        owner.api()
                .body(Map.of("content", "print('sweep 2')\n", "base_revision", 0))
                .put(files + "/" + file)
                .then()
                .statusCode(200);
        String version = owner.api()
                .get(files + "/" + file + "/versions")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        ids.put("version", UUID.fromString(version));
        owner.api()
                .body(Map.of("email", outsider.email(), "role", "VIEWER"))
                .post("/api/projects/" + project + "/share")
                .then()
                .statusCode(201);
        String invite = owner.api()
                .body(Map.of("email", Browser.uniqueEmail("sweep-invitee"), "role", "EDITOR"))
                .post("/api/teams/" + team + "/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ids.put("invite", UUID.fromString(invite));

        addProviderKey(owner);
        String[] everyScope = Arrays.stream(ApiScope.values()).map(ApiScope::id).toArray(String[]::new);
        String secret = ApiKeys.create(owner, "Sweep key", everyScope);
        ApiKeys.create(owner, "Sweep key to revoke", everyScope);

        UUID ownerId = TeamFixtures.userId(owner);
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            ids.put(
                    "revocableKey",
                    ApiKey.<ApiKey>find("name", "Sweep key to revoke").firstResult().id);
            ids.put(
                    "providerKey",
                    ProviderKey.<ProviderKey>find("userId", ownerId).firstResult().id);
            Conversation conversation = new Conversation();
            conversation.id = UUID.randomUUID();
            conversation.workspaceId = team;
            conversation.userId = ownerId;
            conversation.title = "Sweep conversation";
            conversation.createdAt = now;
            conversation.updatedAt = now;
            conversation.persist();
            ids.put("conversation", conversation.id);
            ids.put("message", message(conversation.id, 1, MessageRole.USER, now).id);
            ids.put("reply", message(conversation.id, 2, MessageRole.ASSISTANT, now).id);
            CodeRun run = CodeRun.start(team, project, ownerId, "main.py", RunLanguage.PYTHON, now);
            run.status = RunStatus.COMPLETED;
            run.exitCode = 0;
            run.output = "sweep\n";
            run.durationMs = 5L;
            run.endedAt = now;
            run.persist();
            ids.put("run", run.id);
        });

        Browser admin = new Browser();
        admin.signUp(ADMIN_EMAIL, "Sweep Admin", Passwords.STRONG).then().statusCode(303);
        QuarkusTransaction.requiringNew()
                .run(() -> User.update("emailVerifiedAt = ?1 where email = ?2", Instant.now(), ADMIN_EMAIL));
        Workspaces.setPlanOf(ADMIN_EMAIL, PlanId.ENTERPRISE);
        ids.put("adminTeam", TeamFixtures.createTeam(admin, "Sweep admin's team"));
        admin.get("/admin").then().statusCode(200);
        return new SweepFixtures(owner, member, outsider, admin, ids, secret);
    }

    private static void addProviderKey(Browser owner) {
        owner.get("/settings/ai-providers");
        // A custom base URL on the loopback interface where nothing listens: testing the key fails at once.
        Response saved = owner.postForm(
                "/settings/ai-providers",
                Map.of(
                        "owner", "PERSONAL",
                        "provider", "custom",
                        "apiKey", "sk-sweep-0123456789abcdefghijklmnop",
                        "baseUrl", BaselineValues.UNREACHABLE_BASE_URL,
                        "model", "gpt-4o-mini"));
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
    }

    private static ChatMessage message(UUID conversationId, int seq, MessageRole role, Instant now) {
        ChatMessage message = new ChatMessage();
        message.id = UUID.randomUUID();
        message.conversationId = conversationId;
        message.seq = seq;
        message.role = role;
        message.content = role == MessageRole.USER ? "Hello" : "Hello to you";
        message.status = MessageStatus.COMPLETE;
        message.createdAt = now;
        message.updatedAt = now;
        message.persist();
        return message;
    }

    Identity ownerSession() {
        return session("team owner's session", owner);
    }

    Identity adminSession() {
        return session("platform admin's session", admin);
    }

    Identity apiKeyWithEveryScope() {
        return new Identity("API key with every scope", List.of("Authorization: Bearer " + apiKey));
    }

    private static Identity session(String name, Browser browser) {
        return new Identity(name, List.of("Cookie: " + browser.cookieHeader(), "X-CSRF-TOKEN: " + browser.csrfToken()));
    }

    /**
     * A real id for the path parameter {@code name} of {@code template}: named ids by their name, a bare {id} by the
     * segment before it ("/api/runs/{id}": a run).
     */
    String validId(String template, String name) {
        return switch (name) {
            case "projectId" -> projectId.toString();
            case "fileId" -> fileId.toString();
            case "versionId" -> versionId.toString();
            case "teamId", "workspaceId" -> teamId.toString();
            case "userId" -> template.contains("/share") ? outsiderUserId.toString() : memberUserId.toString();
            case "conversationId" -> conversationId.toString();
            case "messageId" -> messageId.toString();
            case "inviteId" -> inviteId.toString();
            case "token" -> "sweep-token-that-matches-nothing";
            case "priceId" -> StripeProfile.PRO_PRICE;
            case "provider" -> "sweep-provider";
            case "id" -> idAfter(template);
            default ->
                throw new IllegalStateException("The sweep has no valid value for {" + name + "} in " + template
                        + ": add one to SweepFixtures.validId");
        };
    }

    private String idAfter(String template) {
        String before = template.substring(0, template.indexOf("{id}") - 1);
        String segment = before.substring(before.lastIndexOf('/') + 1);
        return switch (segment) {
            case "projects" -> projectId.toString();
            case "runs" -> runId.toString();
            case "messages" -> replyId.toString();
            case "api-keys" -> revocableKeyId.toString();
            case "ai-providers" -> providerKeyId.toString();
            case "workspaces" -> adminTeamId.toString();
            default ->
                throw new IllegalStateException(
                        "The sweep has no valid value for {id} in " + template + ": add one to SweepFixtures.idAfter");
        };
    }
}
