package io.orderhub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhub.model.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conversions of source values into canonical types. */
class ValueReaderTest {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final List<Problem> problems = new ArrayList<>();

    Object read(JsonNode node, ValueType type) {
        return ValueReader.read(node, type, "field", "/at", problems);
    }

    @Test
    void dateFromDateOrDateTimeTakenAsWritten() {
        assertThat(ValueReader.date("2018-04-03")).isEqualTo(LocalDate.of(2018, 4, 3));
        assertThat(ValueReader.date("2018-04-03T23:05:12")).isEqualTo(LocalDate.of(2018, 4, 3));
        assertThat(ValueReader.date("2018-04-03 23:05:12")).isEqualTo(LocalDate.of(2018, 4, 3));
        // late evening at -05:00 is the next day in UTC; the date stays the shop's
        assertThat(ValueReader.date("2008-01-10T23:00:00-05:00")).isEqualTo(LocalDate.of(2008, 1, 10));
        assertThat(ValueReader.date("2008-01-10T01:00:00+02:00")).isEqualTo(LocalDate.of(2008, 1, 10));
        assertThat(ValueReader.date("2026-11-27T10:00:00.123Z")).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void aDateThatIsNotIsoIsAProblem() {
        assertThat(read(NODES.textNode("27.11.2026"), ValueType.DATE)).isNull();
        assertThat(read(NODES.textNode("2026-02-30"), ValueType.DATE)).isNull();
        assertThat(read(NODES.numberNode(1764237600), ValueType.DATE)).isNull();
        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCodes.NOT_A_DATE,
                ProblemCodes.NOT_A_DATE, ProblemCodes.WRONG_TYPE);
        assertThat(problems.get(0)).isEqualTo(new Problem("/at", ProblemCodes.NOT_A_DATE,
                "field must be an ISO date or date-time, is \"27.11.2026\""));
    }

    @Test
    void numberFromNumberOrStringKeepsItsScale() {
        assertThat(read(NODES.textNode("199.00"), ValueType.DECIMAL)).isEqualTo(new BigDecimal("199.00"));
        assertThat(read(NODES.textNode(" 2 "), ValueType.DECIMAL)).isEqualTo(new BigDecimal("2"));
        assertThat(read(DecimalNode.valueOf(new BigDecimal("0.00")), ValueType.DECIMAL)).isEqualTo(new BigDecimal("0.00"));
        assertThat(read(NODES.numberNode(3), ValueType.DECIMAL)).isEqualTo(new BigDecimal("3"));
        assertThat(problems).isEmpty();
    }

    @Test
    void aNumberThatIsNotIsAProblem() {
        assertThat(read(NODES.textNode("abc"), ValueType.DECIMAL)).isNull();
        assertThat(read(NODES.textNode("1,5"), ValueType.DECIMAL)).isNull();
        assertThat(read(NODES.booleanNode(true), ValueType.DECIMAL)).isNull();
        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCodes.NOT_A_NUMBER,
                ProblemCodes.NOT_A_NUMBER, ProblemCodes.WRONG_TYPE);
        assertThat(problems.get(2).message()).isEqualTo("field must be a number, is a boolean (true)");
    }

    @Test
    void wholeNumbersAreAtLeastOne() {
        assertThat(read(NODES.numberNode(7), ValueType.WHOLE_NUMBER)).isEqualTo(7);
        assertThat(read(NODES.textNode("10"), ValueType.WHOLE_NUMBER)).isEqualTo(10);
        assertThat(read(DecimalNode.valueOf(new BigDecimal("2.0")), ValueType.WHOLE_NUMBER)).isEqualTo(2);
        assertThat(problems).isEmpty();
        assertThat(read(NODES.numberNode(0), ValueType.WHOLE_NUMBER)).isNull();
        assertThat(read(NODES.textNode("1.5"), ValueType.WHOLE_NUMBER)).isNull();
        assertThat(read(NODES.textNode("99999999999"), ValueType.WHOLE_NUMBER)).isNull();
        assertThat(problems).extracting(Problem::code).containsOnly(ProblemCodes.NOT_A_WHOLE_NUMBER).hasSize(3);
    }

    @Test
    void textFromStringsAndNumbersButNotFromStructures() {
        assertThat(read(NODES.textNode("  #1001 "), ValueType.TEXT)).isEqualTo("#1001");
        assertThat(read(NODES.numberNode(450789469L), ValueType.TEXT)).isEqualTo("450789469");
        assertThat(read(DecimalNode.valueOf(new BigDecimal("1E+3")), ValueType.TEXT)).isEqualTo("1000");
        assertThat(problems).isEmpty();
        assertThat(read(NODES.objectNode(), ValueType.TEXT)).isNull();
        assertThat(read(NODES.arrayNode(), ValueType.TEXT)).isNull();
        assertThat(read(NODES.booleanNode(false), ValueType.TEXT)).isNull();
        assertThat(problems).extracting(Problem::message).containsExactly(
                "field must be a text or a number, is an object",
                "field must be a text or a number, is an array",
                "field must be a text or a number, is a boolean (false)");
    }

    @Test
    void absentMeansMissingNullOrBlank() {
        assertThat(ValueReader.absent(NODES.missingNode())).isTrue();
        assertThat(ValueReader.absent(NODES.nullNode())).isTrue();
        assertThat(ValueReader.absent(NODES.textNode("  "))).isTrue();
        assertThat(ValueReader.absent(NODES.textNode("0"))).isFalse();
        assertThat(ValueReader.absent(NODES.numberNode(0))).isFalse();
        assertThat(ValueReader.absent(NODES.objectNode())).isFalse();
    }

    @Test
    void constantsAreReadAsTheFieldsType() {
        assertThat(ValueReader.constant("EUR", ValueType.TEXT)).isEqualTo("EUR");
        assertThat(ValueReader.constant("1.5", ValueType.DECIMAL)).isEqualTo(new BigDecimal("1.5"));
        assertThat(ValueReader.constant("2026-12-24", ValueType.DATE)).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThatThrownBy(() -> ValueReader.constant("soon", ValueType.DATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("constant 'soon' is not an ISO date or date-time");
        assertThatThrownBy(() -> ValueReader.constant("0", ValueType.WHOLE_NUMBER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
