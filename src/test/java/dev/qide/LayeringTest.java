package dev.qide;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering the README draws, checked on the compiled application: the kernel at the ground, the core above it,
 * features above that, pages on top. Each package may use only the packages listed for it here (and the
 * configuration in {@code dev.qide} itself), no package may sit outside the table, and no packages form a cycle.
 */
class LayeringTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.qide");

    /** Shared by every page and feature: HTTP helpers, rate limits, the LLM providers, the plan catalog, who calls. */
    private static final List<String> KERNEL = List.of("web", "ratelimit", "llm", "plan", "identity");

    /** The person's record, the audit trail, workspaces, sessions and the usage ledger. */
    private static final List<String> CORE = List.of("account.user", "audit", "workspace", "account.session", "quota");

    /** The features, each using the kernel, the core and only the other features named for it. */
    private static final Map<String, List<String>> FEATURES = features();

    /** Pages that compose features. */
    private static final List<String> PAGES = List.of("home", "editor", "admin");

    private static Map<String, List<String>> features() {
        Map<String, List<String>> features = new LinkedHashMap<>();
        features.put("account.oidc", List.of());
        features.put("account", List.of("account.oidc"));
        features.put("team", List.of());
        features.put("apikey", List.of());
        features.put("project", List.of());
        features.put("run", List.of("project"));
        features.put("byok", List.of());
        features.put("chat.conversation", List.of("byok", "project"));
        features.put("chat.reply", List.of("chat.conversation", "byok"));
        features.put("chat", List.of("chat.reply", "chat.conversation", "byok"));
        features.put("chat.openai", List.of("chat.reply", "chat.conversation", "byok"));
        features.put("billing", List.of("team"));
        features.put("audit.view", List.of("team"));
        return features;
    }

    /** Every package (relative to dev.qide) with the packages it may use besides itself. */
    private static Map<String, List<String>> mayUse() {
        Map<String, List<String>> mayUse = new LinkedHashMap<>();
        mayUse.put("web", List.of());
        mayUse.put("ratelimit", List.of("web"));
        mayUse.put("llm", List.of("web"));
        mayUse.put("plan", List.of("web", "llm"));
        mayUse.put("identity", List.of("web", "plan"));
        mayUse.put("account.user", KERNEL);
        mayUse.put("audit", KERNEL);
        mayUse.put("workspace", plus(KERNEL, "account.user", "audit"));
        mayUse.put("account.session", plus(KERNEL, "account.user", "workspace"));
        mayUse.put("quota", plus(KERNEL, "workspace"));
        List<String> ground = plus(KERNEL, CORE.toArray(String[]::new));
        FEATURES.forEach((feature, others) -> mayUse.put(feature, plus(ground, others.toArray(String[]::new))));
        List<String> everything = plus(ground, FEATURES.keySet().toArray(String[]::new));
        PAGES.forEach(page -> mayUse.put(page, everything));
        return mayUse;
    }

    @Test
    void everyPackageUsesOnlyThePackagesBelowItThatItIsAllowed() {
        LayeredArchitecture layers = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("configuration")
                .definedBy("dev.qide");
        Map<String, List<String>> mayUse = mayUse();
        for (String pkg : mayUse.keySet()) {
            layers = layers.layer(pkg).definedBy("dev.qide." + pkg);
        }
        for (Map.Entry<String, List<String>> allowed : mayUse.entrySet()) {
            layers = layers.whereLayer(allowed.getKey())
                    .mayOnlyAccessLayers(
                            plus(allowed.getValue(), "configuration").toArray(String[]::new));
        }
        layers.whereLayer("configuration").mayNotAccessAnyLayer().check(APPLICATION);
    }

    @Test
    void everyClassLivesInAPackageOfTheLayering() {
        String[] known = Stream.concat(
                        Stream.of("dev.qide"), mayUse().keySet().stream().map(pkg -> "dev.qide." + pkg))
                .toArray(String[]::new);
        classes().should().resideInAnyPackage(known).check(APPLICATION);
    }

    @Test
    void noPackagesFormACycle() {
        slices().matching("dev.qide.(**)").should().beFreeOfCycles().check(APPLICATION);
    }

    private static List<String> plus(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}
