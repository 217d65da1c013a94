package dev.qide.workspace;

import dev.qide.plan.PlanId;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The unit of billing and quota: it has the plan, the members, and (later) projects, keys and meters. */
@Entity
@Table(name = "workspace")
public class Workspace extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 80)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public WorkspaceKind kind;

    /** The plan in force now; billing keeps it in step with the subscription. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PlanId plan;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Day of the month (1–31) on which monthly meters start a new period; short months use their last day. */
    @Column(name = "period_anchor_day", nullable = false)
    public int periodAnchorDay;

    /** Bytes of project files and history held; kept by {@code WorkspaceStorage}. */
    @Column(name = "storage_used_bytes", nullable = false)
    public long storageUsedBytes;

    @Column(length = 500)
    public String description;

    /** Whether members may use their personal provider keys in this workspace's projects (teams decide; see {@code ProviderKeyService}). */
    @Column(name = "allow_personal_keys", nullable = false)
    public boolean allowPersonalKeys = true;

    /** When the team was deleted; a deleted team has no members and cannot be opened. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** Provider ids tried in order when the chosen provider fails before its first token ("anthropic,openai"). */
    @Column(name = "llm_fallback_order", nullable = false, length = 200)
    public String llmFallbackOrder = "";

    public boolean isTeam() {
        return kind == WorkspaceKind.TEAM;
    }

    public List<String> fallbackProviders() {
        return llmFallbackOrder.isBlank() ? List.of() : List.of(llmFallbackOrder.split(","));
    }

    public static Workspace create(String name, WorkspaceKind kind, PlanId plan, Instant now) {
        Workspace workspace = new Workspace();
        workspace.id = UUID.randomUUID();
        workspace.name = name;
        workspace.kind = kind;
        workspace.plan = plan;
        workspace.createdAt = now;
        workspace.periodAnchorDay = now.atZone(ZoneOffset.UTC).getDayOfMonth();
        return workspace;
    }
}
