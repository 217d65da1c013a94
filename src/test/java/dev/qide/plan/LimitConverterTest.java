package dev.qide.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LimitConverterTest {

    @Test
    void readsCountsAndUnlimited() {
        LimitConverter converter = new LimitConverter();
        assertThat(converter.convert("20")).isEqualTo(Limit.of(20));
        assertThat(converter.convert(" 100_000 ")).isEqualTo(Limit.of(100_000));
        assertThat(converter.convert("Unlimited")).isEqualTo(Limit.UNLIMITED);
        assertThatThrownBy(() -> converter.convert("-1")).hasMessageContaining("whole number or 'unlimited'");
        assertThatThrownBy(() -> converter.convert("lots")).hasMessageContaining("'lots'");
    }

    @Test
    void readsSizesWithBinarySuffixes() {
        StorageLimitConverter converter = new StorageLimitConverter();
        assertThat(converter.convert("512M")).isEqualTo(Limit.of(512L << 20));
        assertThat(converter.convert("1t")).isEqualTo(Limit.of(1L << 40));
        assertThat(converter.convert("4096")).isEqualTo(Limit.of(4096));
        assertThatThrownBy(() -> converter.convert("1.5G")).hasMessageContaining("512M, 100G or 1T");
    }

    @Test
    void displaysAsThePricingPageDoes() {
        assertThat(StorageLimitConverter.display(Limit.of(512L << 20))).isEqualTo("0.5 GB");
        assertThat(StorageLimitConverter.display(Limit.of(100L << 30))).isEqualTo("100 GB");
        assertThat(StorageLimitConverter.display(Limit.of(10L << 40))).isEqualTo("10 TB");
        assertThat(StorageLimitConverter.display(Limit.of(50L << 20))).isEqualTo("50 MB");
        assertThat(Limit.of(1234567).display()).isEqualTo("1,234,567");
        assertThat(Limit.UNLIMITED.display()).isEqualTo("Unlimited");
        assertThat(Limit.of(2).allows(2)).isTrue();
        assertThat(Limit.of(2).allows(3)).isFalse();
        assertThat(Limit.UNLIMITED.allows(Long.MAX_VALUE)).isTrue();
    }
}
