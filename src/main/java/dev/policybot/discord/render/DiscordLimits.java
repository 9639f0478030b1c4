package dev.policybot.discord.render;

/** Discord's message limits (characters as Discord counts them: UTF-16 code units, as JDA checks them). */
public final class DiscordLimits {
    public static final int CONTENT = 2_000;
    public static final int EMBED_TITLE = 256;
    public static final int EMBED_DESCRIPTION = 4_096;
    public static final int FIELD_NAME = 256;
    public static final int FIELD_VALUE = 1_024;
    public static final int FOOTER = 2_048;
    /** All titles, descriptions, field names and values, footers and author names of all embeds of one message. */
    public static final int EMBEDS_TOTAL = 6_000;

    public static final int FIELDS = 25;
    public static final int EMBEDS = 10;
    public static final int BUTTONS_PER_ROW = 5;
    public static final int ROWS = 5;
    public static final int BUTTON_LABEL = 80;
    public static final int CUSTOM_ID = 100;
    public static final int CHOICES = 25;
    public static final int CHOICE_NAME = 100;

    private DiscordLimits() {}
}
