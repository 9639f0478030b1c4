package dev.policybot.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.StatedDate;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatedDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Last updated: February 1, 2023|2023-02-01|Last updated: February 1, 2023",
                "**Effective Date: August 11, 2023**|2023-08-11|Effective Date: August 11, 2023",
                "**Last Amended:** May 21, 2025|2025-05-21|Last Amended: May 21, 2025",
                "These terms are effective as of 31 March 2023.|2023-03-31|effective as of 31 March 2023",
                "Last revised on the 3rd of Sept. 2024|2024-09-03|Last revised on the 3rd of Sept. 2024",
                "Version date: 2024-02-07|2024-02-07|Version date: 2024-02-07",
                "Stand: 01.02.2024|2024-02-01|Stand: 01.02.2024",
                "Last modified 12/31/2022|2022-12-31|Last modified 12/31/2022",
                "Updated: March 2021|2021-03-01|Updated: March 2021",
            })
    void finds_the_date_a_document_states(String text, LocalDate date, String phrase) {
        assertThat(StatedDates.find("# Terms\n\n" + text + "\n\nWelcome.")).isEqualTo(new StatedDate(date, phrase));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "The revised Terms of Use will become effective two (2) weeks after such notification.",
                "“Service Effective Date” means the date an Initial Subscription Term begins.",
                "We updated our systems in 2023.",
                "Effective Date: 31/31/2023",
            })
    void does_not_mistake_other_dates_or_words(String text) {
        assertThat(StatedDates.find(text)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Effective Date: March 31, 2023|Effective date: 31 March 2023|true",
                "Effective Date: March 31, 2023|Effective Date: August 7, 2023|false",
            })
    void two_phrases_are_the_same_when_they_name_the_same_day(String a, String b, boolean same) {
        assertThat(StatedDates.find(a).sameAs(StatedDates.find(b))).isEqualTo(same);
    }
}
