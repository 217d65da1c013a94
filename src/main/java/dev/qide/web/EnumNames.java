package dev.qide.web;

import java.util.Optional;

/** Reads an enum constant from what a form or a JSON body sent: case-insensitive, "pro-plus" for PRO_PLUS. */
public final class EnumNames {

    private EnumNames() {}

    /** The constant of {@code type} named {@code text}, or empty when there is none (or nothing was sent). */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
