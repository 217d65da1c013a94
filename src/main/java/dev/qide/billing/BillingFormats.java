package dev.qide.billing;

import dev.qide.web.ByteSizes;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Formatting for the billing page: {@code {amount.money(currency)}}, {@code {size.bytes}}. */
@TemplateExtension
public final class BillingFormats {

    private BillingFormats() {}

    /** "$19.00", "€5.00": an amount in the currency's smallest unit, as Stripe gives it. */
    static String money(long amount, String currency) {
        if (currency == null) {
            return Long.toString(amount);
        }
        try {
            Currency unit = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
            BigDecimal value = BigDecimal.valueOf(amount, Math.max(unit.getDefaultFractionDigits(), 0));
            return unit.getSymbol(Locale.US) + value.toPlainString();
        } catch (IllegalArgumentException unknownCurrency) {
            return amount + " " + currency.toUpperCase(Locale.ROOT);
        }
    }

    /** "1.5 GB". */
    static String bytes(long amount) {
        return ByteSizes.format(amount);
    }
}
