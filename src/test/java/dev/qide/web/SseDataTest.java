package dev.qide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.qide.support.SseWire;
import org.junit.jupiter.api.Test;

/** Event data a browser reads back exactly, as Quarkus REST frames it ("data:" and each line). */
class SseDataTest {

    @Test
    void everyLineKeepsItsLeadingSpacesAndBlankLinesStay() {
        String text = "  two\n\tTab\n\n    \n\uD83D\uDE00";

        String data = SseData.of(text);

        assertThat(data).isEqualTo("   two\n \tTab\n \n     \n \uD83D\uDE00");
        String framed = "event:token\ndata:" + data.replace("\n", "\ndata:") + "\n\n";
        assertThat(SseWire.parse(framed)).singleElement().satisfies(event -> assertThat(event.data())
                .isEqualTo(text));
    }

    @Test
    void aCarriageReturnMustBeEncodedFirst() {
        assertThatIllegalArgumentException().isThrownBy(() -> SseData.of("one\r\ntwo"));
    }
}
