package dev.qide.web.malformed;

import dev.qide.web.malformed.Route.BodyKind;
import dev.qide.web.malformed.Route.Field;
import dev.qide.web.malformed.Route.FieldType;
import dev.qide.web.malformed.Route.Origin;
import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Every route the application's own resource classes declare, read from the running application: its beans carrying
 * {@code @Path}, their HTTP methods, consumed media types and form, query and header parameters. Resources that only
 * tests add (they live in the test classes) are left out.
 */
final class ResourceRoutes {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private ResourceRoutes() {}

    /** The routes of the application's resource classes, sorted by path then method. */
    static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        Set<Bean<?>> beans = Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE);
        beans.stream()
                .map(Bean::getBeanClass)
                .distinct()
                .filter(type -> type.isAnnotationPresent(Path.class) && !isTestClass(type))
                .forEach(type -> routes.addAll(routesOf(type)));
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return routes;
    }

    private static Collection<Route> routesOf(Class<?> type) {
        List<Route> routes = new ArrayList<>();
        String base = type.getAnnotation(Path.class).value();
        for (Method method : type.getMethods()) {
            String httpMethod = httpMethod(method);
            if (httpMethod == null) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            String template = normalize(base + "/" + (sub == null ? "" : sub.value()));
            routes.add(route(httpMethod, template, method, consumes(method, type)));
        }
        return routes;
    }

    private static Route route(String httpMethod, String template, Method method, String[] consumes) {
        List<Field> fields = new ArrayList<>();
        List<Field> query = new ArrayList<>();
        List<Field> headers = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (java.lang.reflect.Field member : parameter.getType().getFields()) {
                    collect(member, member.getName(), member.getType(), fields, query, headers);
                }
            } else {
                collect(parameter, parameter.getName(), parameter.getType(), fields, query, headers);
            }
        }
        Set<BodyKind> bodies = EnumSet.noneOf(BodyKind.class);
        if (BODY_METHODS.contains(httpMethod)) {
            for (String mediaType : consumes) {
                bodies.add(kind(mediaType));
            }
            if (bodies.isEmpty()) {
                // Nothing declared: the route reads whatever arrives (its form fields, its raw body, or nothing).
                bodies.add(BodyKind.ANY);
            }
        }
        return new Route(httpMethod, template, Origin.PAGE, bodies, fields, query, headers);
    }

    /** Adds a form, query or header parameter; false when the element is none of these. */
    private static boolean collect(
            AnnotatedElement element,
            String name,
            Class<?> type,
            List<Field> fields,
            List<Field> query,
            List<Field> headers) {
        RestForm restForm = element.getAnnotation(RestForm.class);
        FormParam formParam = element.getAnnotation(FormParam.class);
        RestQuery restQuery = element.getAnnotation(RestQuery.class);
        QueryParam queryParam = element.getAnnotation(QueryParam.class);
        RestHeader restHeader = element.getAnnotation(RestHeader.class);
        HeaderParam headerParam = element.getAnnotation(HeaderParam.class);
        FieldType fieldType = typeOf(type);
        if (restForm != null || formParam != null) {
            fields.add(new Field(named(restForm == null ? formParam.value() : restForm.value(), name), fieldType));
        } else if (restQuery != null || queryParam != null) {
            query.add(new Field(named(restQuery == null ? queryParam.value() : restQuery.value(), name), fieldType));
        } else if (restHeader != null || headerParam != null) {
            headers.add(
                    new Field(named(restHeader == null ? headerParam.value() : restHeader.value(), name), fieldType));
        } else {
            return false;
        }
        return true;
    }

    private static String named(String declared, String fallback) {
        return declared == null || declared.isEmpty() ? fallback : declared;
    }

    private static FieldType typeOf(Class<?> type) {
        if (type == UUID.class) {
            return FieldType.UUID;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return FieldType.INTEGER;
        }
        if (type == double.class || type == Double.class || type == BigDecimal.class) {
            return FieldType.NUMBER;
        }
        if (type == boolean.class || type == Boolean.class) {
            return FieldType.BOOLEAN;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return FieldType.LIST;
        }
        return FieldType.TEXT;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    private static String[] consumes(Method method, Class<?> type) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = type.getAnnotation(Consumes.class);
        }
        return consumes == null ? new String[0] : consumes.value();
    }

    private static BodyKind kind(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return BodyKind.JSON;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return BodyKind.FORM;
        }
        if (type.startsWith("multipart/")) {
            return BodyKind.MULTIPART;
        }
        return BodyKind.BYTES;
    }

    /** "/teams/{teamId}/settings": one slash between segments, none at the end, regular expressions dropped. */
    static String normalize(String path) {
        String template =
                ("/" + path).replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return template.length() > 1 && template.endsWith("/")
                ? template.substring(0, template.length() - 1)
                : template;
    }

    private static boolean isTestClass(Class<?> type) {
        URL location = type.getClassLoader().getResource(type.getName().replace('.', '/') + ".class");
        return location != null && location.toString().contains("/test-classes/");
    }
}
