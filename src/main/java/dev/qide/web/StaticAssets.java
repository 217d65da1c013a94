package dev.qide.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Our own browser assets (templates-static: /css, /js, /img) under a content-versioned prefix,
 * {@code /static/<hash>/js/editor/main.js}, cached for a year as immutable; ES modules importing each other with
 * relative paths inherit the prefix. Unversioned asset URLs stay answered but must be revalidated, and a request
 * for another version is sent to the current one, so a deploy never leaves a browser on an old script.
 */
@Singleton
@Named("assets")
public class StaticAssets {

    static final String PREFIX = "/static/";
    private static final List<String> FOLDERS = List.of("css", "js", "img");
    private static final String VERSIONED = StaticAssets.class.getName() + ".versioned";

    private final String version = contentHash();

    /** The versioned URL of an asset given by its plain path, e.g. {@code /js/app.js}. */
    public String url(String path) {
        return PREFIX + version + path;
    }

    /** The current version: the first 12 hex digits of a SHA-256 over every asset's path and bytes. */
    public String version() {
        return version;
    }

    void register(@Observes Router router) {
        router.route(PREFIX + "*").order(Integer.MIN_VALUE + 1).handler(this::versioned);
        for (String folder : FOLDERS) {
            router.route("/" + folder + "/*").order(Integer.MIN_VALUE + 1).handler(this::cacheControl);
        }
    }

    private void versioned(RoutingContext context) {
        String path = context.normalizedPath();
        int slash = path.indexOf('/', PREFIX.length());
        String asset = slash < 0 ? "" : path.substring(slash);
        if (FOLDERS.stream().noneMatch(folder -> asset.startsWith("/" + folder + "/"))) {
            context.next();
            return;
        }
        if (!path.substring(PREFIX.length(), slash).equals(version)) {
            context.response()
                    .setStatusCode(302)
                    .putHeader("Location", url(asset))
                    .putHeader("Cache-Control", "no-store")
                    .end();
            return;
        }
        // A reroute keeps the context's data but drops its headers-end handlers: the asset's own route sets them.
        context.put(VERSIONED, Boolean.TRUE);
        context.reroute(asset);
    }

    private void cacheControl(RoutingContext context) {
        boolean versioned = context.get(VERSIONED) != null;
        context.addHeadersEndHandler(ignored -> {
            if (!versioned) {
                context.response().putHeader("Cache-Control", "no-cache");
            } else if (context.response().getStatusCode() == 200) {
                context.response().putHeader("Cache-Control", "public, max-age=31536000, immutable");
            } else {
                context.response().headers().remove("Cache-Control");
            }
        });
        context.next();
    }

    private static String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String folder : FOLDERS) {
                URL url = Thread.currentThread().getContextClassLoader().getResource("META-INF/resources/" + folder);
                if (url != null) {
                    digestFolder(url.toURI(), digest);
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException | URISyntaxException e) {
            throw new IllegalStateException("Cannot hash the static assets", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the static assets", e);
        }
    }

    private static void digestFolder(URI folder, MessageDigest digest) throws IOException {
        if (!"jar".equals(folder.getScheme())) {
            digestFiles(Path.of(folder), digest);
            return;
        }
        FileSystem jar;
        try {
            jar = FileSystems.newFileSystem(folder, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            digestFiles(Path.of(folder), digest);
            return;
        }
        try (jar) {
            digestFiles(Path.of(folder), digest);
        }
    }

    private static void digestFiles(Path folder, MessageDigest digest) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            digest.update((folder.getFileName() + "/" + folder.relativize(file)).getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                digest.update(in.readAllBytes());
            }
        }
    }
}
