package dev.qide.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * What JSON the application reads: an object names each field once (a second "name" of another type made Jackson
 * fail on records with a server error; RFC 8259 wants names unique), and every text read into a {@code String} is
 * {@link StorableText} (JSON's escapes can write NUL and half a surrogate pair, which no database keeps). Both are
 * refused while reading, saying where (see {@link JsonBodyProblems}).
 */
@Singleton
public class JsonInputRules implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(
                new SimpleModule("storable-text").addDeserializer(String.class, new StorableStringDeserializer()));
    }

    /** Jackson's own reading of strings (with its coercions), then the check. */
    static final class StorableStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (!StorableText.isStorable(text)) {
                throw new UnstorableTextException(parser);
            }
            return text;
        }
    }

    /** A JSON string that is not {@link StorableText}; its path names the field. */
    public static final class UnstorableTextException extends MismatchedInputException {

        UnstorableTextException(JsonParser parser) {
            super(parser, "Text that cannot be stored", String.class);
        }
    }
}
