package dev.qide.chat;

import static dev.qide.chat.ChatTestSupport.addKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.byok.ProviderKey;
import dev.qide.chat.conversation.ChatMessage;
import dev.qide.chat.conversation.Conversation;
import dev.qide.identity.WorkspaceRole;
import dev.qide.llm.FakeLlmResource;
import dev.qide.llm.FakeLlmServer;
import dev.qide.llm.FakeReply;
import dev.qide.plan.PlanId;
import dev.qide.support.AuditTrail;
import dev.qide.support.Browser;
import dev.qide.support.TeamFixtures;
import dev.qide.support.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chat in a team's projects: it happens in the team's workspace (its keys, its quota, its audit log), members use
 * the team's keys without ever seeing them, the team decides whether personal keys may pay, and members' LLM caps
 * and the team's pool answer 429 saying which fired.
 */
@QuarkusTest
@QuarkusTestResource(FakeLlmResource.class)
class TeamChatTest {

    private static final String TEAM_KEY = "sk-team-openai-0123456789TEAM";
    private static final String TEAM_MASK = "sk-…TEAM";
    private static final String PERSONAL_ANTHROPIC_KEY = "sk-ant-personal-0123456789ERIN";

    @Inject
    EntityManager entityManager;

    private FakeLlmServer upstream;
    private Browser owner;
    private Browser erin;
    private UUID teamId;
    private String teamName;
    private String projectId;
    private UUID teamKeyId;

    @BeforeEach
    void setUp() {
        upstream = FakeLlmResource.server();
        upstream.reset();
        upstream.script("openai", FakeReply.text("Answered with the team's key.", 3));
        upstream.script("anthropic", FakeReply.text("Answered with a personal key.", 3));
        owner = Browser.signedUp("Olga Team Owner");
        erin = Browser.signedUp("Erin Team Editor");
        teamName = "Keys Team " + UUID.randomUUID().toString().substring(0, 6);
        teamId = TeamFixtures.createTeam(owner, teamName);
        TeamFixtures.addMember(teamId, erin, WorkspaceRole.EDITOR);

        // The owner works in the team: adds its OpenAI key and a project there.
        TeamFixtures.switchTo(owner, teamId);
        owner.get("/settings/ai-providers");
        owner.postForm(
                        "/settings/ai-providers",
                        Map.of("owner", "WORKSPACE", "provider", "openai", "apiKey", TEAM_KEY, "model", "gpt-4o"))
                .then()
                .statusCode(303);
        projectId = owner.createProject("team-chat");
        teamKeyId = QuarkusTransaction.requiringNew()
                .call(() -> ProviderKey.ofWorkspace(teamId, "openai").orElseThrow().id);

        // Erin stays in her personal workspace: the project's workspace decides, not the session's.
        erin.get("/settings");
    }

    @Test
    void anEditorChatsInATeamProjectOnTheTeamsKeyWithoutEverSeeingIt() throws Exception {
        JsonPath sent =
                send(erin, projectId, "openai").then().statusCode(201).extract().jsonPath();
        SseReader.readAll(erin, sent.getString("stream_url"));

        assertThat(upstream.lastRequest("openai").header("Authorization")).isEqualTo("Bearer " + TEAM_KEY);
        UUID replyId = UUID.fromString(sent.getString("reply.id"));
        ChatMessage reply = ChatStreamingTest.message(replyId);
        assertThat(reply.keyOwner).isEqualTo("WORKSPACE");
        assertThat(reply.keyId).isEqualTo(teamKeyId);
        UUID conversationId = UUID.fromString(sent.getString("conversation_id"));
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> Conversation.<Conversation>findById(conversationId).workspaceId))
                .isEqualTo(teamId);
        assertThat(llmRequestsCounted(teamId)).isEqualTo(1);
        assertThat(llmRequestsCounted(erin.workspaceId())).isZero();
        assertThat(AuditTrail.actionsOf(teamId)).contains("provider_key.decrypted");

        // Everything Erin reads about the chat says whose key paid, and nothing of the key.
        erin.api()
                .get("/api/chat/messages/" + replyId)
                .then()
                .statusCode(200)
                .body("key_owner", org.hamcrest.Matchers.equalTo("workspace"));
        Response panel = erin.get("/chat/panel?project=" + projectId);
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.asString()).contains("data-testid=\"paid-by\">workspace's key");
        String conversation = erin.api().get("/api/chat/" + projectId).asString();
        String export =
                erin.get("/chat/" + conversationId + "/export?format=json").asString();
        TeamFixtures.switchTo(erin, teamId);
        Response page = erin.get("/settings/ai-providers");
        Response config = erin.api().get("/api/settings/llm-config");
        assertThat(page.asString()).contains("Team key for OpenAI").contains("Managed by the team's admins");
        assertThat(config.jsonPath().getList("providers.owner")).containsExactly("workspace");
        assertThat(config.jsonPath().getList("providers.masked_key")).containsOnlyNulls();
        for (String seen : new String[] {panel.asString(), conversation, export, page.asString(), config.asString()}) {
            assertThat(seen)
                    .doesNotContain(TEAM_MASK)
                    .doesNotContain(teamKeyId.toString())
                    .doesNotContain(TEAM_KEY);
        }
        erin.postForm("/settings/ai-providers/" + teamKeyId + "/test", Map.of())
                .then()
                .statusCode(404);
        // The owner, who manages the team's keys, does see the mask: the pages above hide it on purpose.
        assertThat(owner.get("/settings/ai-providers").asString()).contains(TEAM_MASK);
        assertThat(owner.api().get("/api/settings/llm-config").jsonPath().getList("providers.masked_key"))
                .containsExactly(TEAM_MASK);
    }

    @Test
    void theTeamDecidesWhetherPersonalKeysMayPayInItsProjects() throws Exception {
        Workspaces.setPlan(erin.workspaceId(), PlanId.PRO);
        addKey(erin, "anthropic", PERSONAL_ANTHROPIC_KEY, "claude-sonnet-4-20250514");
        erin.get("/settings");

        // Allowed (the default): her own key pays, and the reply says so.
        JsonPath allowed = send(erin, projectId, "anthropic")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        SseReader.readAll(erin, allowed.getString("stream_url"));
        assertThat(ChatStreamingTest.message(UUID.fromString(allowed.getString("reply.id"))).keyOwner)
                .isEqualTo("PERSONAL");
        assertThat(erin.api()
                        .get("/api/chat/messages/" + allowed.getString("reply.id"))
                        .jsonPath()
                        .getString("key_owner"))
                .isEqualTo("personal");

        TeamFixtures.allowPersonalKeys(teamId, false);

        send(erin, projectId, "anthropic")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        org.hamcrest.Matchers.startsWith(
                                teamName + " allows only its own provider keys in its projects, not personal ones"));
        String composer = erin.get("/chat/panel?project=" + projectId).asString();
        assertThat(composer)
                .contains("value=\"openai/gpt-4o\"")
                .doesNotContain("value=\"anthropic/")
                .contains("data-testid=\"team-keys-only\"");
        // The team's key still works there, and her key still works in her own workspace.
        send(erin, projectId, "openai").then().statusCode(201);
        erin.api()
                .body(Map.of("content", "Mine", "provider", "anthropic"))
                .post("/api/chat")
                .then()
                .statusCode(201);
        assertThat(upstream.lastRequest("anthropic").header("x-api-key")).isEqualTo(PERSONAL_ANTHROPIC_KEY);
    }

    @Test
    void aMembersCapAnswers429ForThemAloneAndTheTeamsPoolForEveryone() throws Exception {
        Browser finn = Browser.signedUp("Finn Team Editor");
        TeamFixtures.addMember(teamId, finn, WorkspaceRole.EDITOR);
        finn.get("/settings");
        TeamFixtures.setLlmCap(teamId, erin, 2);
        for (int i = 0; i < 2; i++) {
            SseReader.readAll(
                    erin,
                    send(erin, projectId, "openai")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("stream_url"));
        }

        Response capped = send(erin, projectId, "openai");

        assertThat(capped.statusCode()).isEqualTo(429);
        assertThat(capped.header("Retry-After")).isNotNull();
        assertThat(capped.jsonPath().getString("scope")).isEqualTo("member");
        assertThat(capped.jsonPath().getString("detail"))
                .startsWith("Your share of " + teamName + "'s LLM requests is used up: 2 of 2 today, set by the"
                        + " team's admins. It resets at 00:00 UTC");
        assertThat(llmRequestsCounted(teamId)).isEqualTo(2);
        send(finn, projectId, "openai").then().statusCode(201);
        assertThat(llmRequestsCounted(teamId)).isEqualTo(3);

        // Her share, where she looks at usage in the team.
        TeamFixtures.switchTo(erin, teamId);
        assertThat(erin.get("/billing/usage").asString())
                .contains("data-testid=\"member-share\"")
                .contains("Your share today: <strong>2 of 2</strong> LLM requests");
        JsonPath usage = erin.api()
                .get("/api/billing/usage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(usage.getString("member.meter")).isEqualTo("llm_requests");
        assertThat(usage.getLong("member.used")).isEqualTo(2);
        assertThat(usage.getLong("member.limit")).isEqualTo(2);
        assertThat(finn.api().get("/api/billing/usage").jsonPath().getString("member"))
                .isNull();

        // The team's pool used up: everyone is refused, and told it is the team's limit.
        useUpLlmPool(teamId);
        Response pooled = send(finn, projectId, "openai");
        assertThat(pooled.statusCode()).isEqualTo(429);
        assertThat(pooled.jsonPath().getString("scope")).isEqualTo("workspace");
        assertThat(pooled.jsonPath().getString("detail"))
                .startsWith(teamName + "'s LLM requests limit reached: 10,000 of 10,000 used today.");
    }

    @Test
    void aViewerMayReadButNotChatAndStrangersAndFormerMembersSeeNothing() throws Exception {
        Browser vera = Browser.signedUp("Vera Team Viewer");
        TeamFixtures.addMember(teamId, vera, WorkspaceRole.VIEWER);
        vera.get("/settings");
        Browser stranger = Browser.signedUp("Stan Stranger");
        stranger.get("/settings");

        send(vera, projectId, "openai")
                .then()
                .statusCode(403)
                .body("detail", org.hamcrest.Matchers.equalTo("Only owners, admins and editors can chat here."));
        vera.get("/chat/panel?project=" + projectId);
        vera.postForm("/chat/new", Map.of("project_id", projectId)).then().statusCode(403);
        assertThat(vera.get("/chat/panel?project=" + projectId).asString()).doesNotContain("data-chat-composer");
        vera.api().get("/api/chat/" + projectId).then().statusCode(200);
        // Working in the team, the viewer's chat page offers no way to start a conversation either.
        TeamFixtures.switchTo(vera, teamId);
        assertThat(vera.get("/chat").asString())
                .doesNotContain("New chat")
                .doesNotContain("action=\"/chat/new\"")
                .contains("Your role here lets you read conversations, not start them.");
        send(stranger, projectId, "openai").then().statusCode(404);
        stranger.api().get("/api/chat/" + projectId).then().statusCode(404);

        JsonPath sent =
                send(erin, projectId, "openai").then().statusCode(201).extract().jsonPath();
        SseReader.readAll(erin, sent.getString("stream_url"));
        String conversationId = sent.getString("conversation_id");
        erin.get("/chat/" + conversationId).then().statusCode(200);

        TeamFixtures.removeMember(teamId, erin);

        erin.get("/chat/" + conversationId).then().statusCode(404);
        erin.api()
                .get("/api/chat/messages/" + sent.getString("reply.id"))
                .then()
                .statusCode(404);
        erin.api().get("/api/chat/" + projectId).then().statusCode(404);
    }

    private static Response send(Browser browser, String projectId, String provider) {
        return browser.api()
                .body(Map.of("project_id", projectId, "content", "Explain the code", "provider", provider))
                .post("/api/chat");
    }

    private long llmRequestsCounted(UUID workspaceId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("SELECT COALESCE(SUM(used), 0) FROM usage_counter"
                                + " WHERE workspace_id = ?1 AND meter = 'LLM_REQUESTS'")
                        .setParameter(1, workspaceId)
                        .getSingleResult())
                .longValue());
    }

    /** Sets today's count of the team's LLM requests to the Teams plan's 10,000 (its counter exists by now). */
    private void useUpLlmPool(UUID workspaceId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        "UPDATE usage_counter SET used = 10000" + " WHERE workspace_id = ?1 AND meter = 'LLM_REQUESTS'")
                .setParameter(1, workspaceId)
                .executeUpdate());
    }
}
