package org.narrativewatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuesserTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Переговоры продолжатся в пятницу, сообщили в Кремле.|ru",
            "Путин провел совещание|ru",
            "Объявлен сбор гуманитарной помощи|ru",
            "Что известно о новом законе|ru",
            "Переговори триватимуть у п'ятницю, що підтвердили сторони.|uk",
            "Київ готується до зими|uk",
            "Уряд ухвалив рішення про підтримку|uk",
            "Про це повідомив голова ОВА|uk",
            "Звернення Президента до громадян|uk",
            "Приговор журналисту Григорию Пасько оглашен|ru",
            "Трехсторонняя встреча в весенняя сессия|ru",
            "Дело возбуждено по статье 263-й часть 3-я|ru",
            "Прэзідэнт заявіў пра перамовы ў пятніцу.|be",
            "Улады Беларусі абмеркавалі бюджэт|be",
            "The talks will continue on Friday.|en",
            "Putin meets Erdogan in Sochi|en",
            "Kyiv says drones hit refinery|en",
            "Учёные нашли кратер https://example.org/article/science/kratery-v-kitae-nashli|ru",
            "NASA попросило помочь Curiosity|ru",
            "12:30 — 2022/03/01|und",
            "''|und",
    })
    void guessesShortTexts(String text, String expected) {
        assertEquals(expected, LanguageGuesser.guess(text));
    }
}
