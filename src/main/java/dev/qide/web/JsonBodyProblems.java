package dev.qide.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.qide.web.JsonInputRules.UnstorableTextException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request body that cannot be read as the JSON its resource expects is the client's mistake: 400 with what is wrong
 * and where (422 for text that cannot be stored), never a 500 and never a stack trace. Only failures while reading a
 * request body are turned into problems here; Jackson failing to write a response stays a server error.
 */
@Provider
public class JsonBodyProblems implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (InvalidDefinitionException e) {
            throw e; // Our type cannot be read at all: a bug, whatever was sent.
        } catch (JacksonException e) {
            throw problem(e);
        } catch (WebApplicationException e) {
            if (e.getCause() instanceof JacksonException cause && !(cause instanceof InvalidDefinitionException)) {
                throw problem(cause);
            }
            throw e;
        }
    }

    private static HttpProblem problem(JacksonException e) {
        // Only the kind: the message may quote the body, and a body may hold a secret.
        Log.debugf("Refused a JSON body: %s", e.getClass().getSimpleName());
        if (e instanceof UnstorableTextException unstorable) {
            return new HttpProblem(422, capitalized(where(unstorable)) + " " + StorableText.RULE);
        }
        if (e instanceof StreamConstraintsException) {
            return new HttpProblem(
                    400,
                    "The JSON body is nested too deeply, or holds a number or text longer than this server reads.");
        }
        if (e instanceof InputCoercionException) {
            return new HttpProblem(400, "A number in the JSON body is too large for its field.");
        }
        if (e instanceof StreamReadException read) {
            String message = String.valueOf(read.getOriginalMessage());
            if (message.startsWith("Duplicate field '")) {
                return new HttpProblem(400, "The JSON body names a field twice" + at(read.getLocation()) + ".");
            }
            return new HttpProblem(400, "The body is not valid JSON" + at(read.getLocation()) + ".");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new HttpProblem(
                    400,
                    capitalized(where(mismatch)) + " has the wrong type: send " + kind(mismatch.getTargetType()) + ".");
        }
        if (e instanceof JsonMappingException mapping) {
            return new HttpProblem(400, "The JSON body could not be read: check " + where(mapping) + ".");
        }
        return new HttpProblem(400, "The JSON body could not be read.");
    }

    /** {@code "files[2].path"}, or "the body" when the problem is the body itself. */
    private static String where(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
        if (path.isEmpty()) {
            return "the body";
        }
        return "\"" + (path.startsWith(".") ? path.substring(1) : path) + "\"";
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == java.util.UUID.class) {
            return "text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a value of the documented type";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
