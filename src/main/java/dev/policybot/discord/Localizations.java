package dev.policybot.discord;

import java.util.Locale;
import java.util.ResourceBundle;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;
import net.dv8tion.jda.api.interactions.commands.localization.ResourceBundleLocalizationFunction;

/** Translations of command names and descriptions, from {@code commands_<lang>.properties} beside this class. */
public final class Localizations {
    static final String BUNDLE = "dev.policybot.discord.commands";

    private Localizations() {}

    /** German ({@code de}) names and descriptions of all commands. */
    public static LocalizationFunction commands() {
        ResourceBundle german = ResourceBundle.getBundle(BUNDLE, Locale.GERMAN, noFallback());
        return ResourceBundleLocalizationFunction.fromBundle(german, DiscordLocale.GERMAN)
                .build();
    }

    /** Never fall back to the JVM's default locale: the bundle must be the German one. */
    private static ResourceBundle.Control noFallback() {
        return ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    }
}
