package dev.policybot.topic;

import static dev.policybot.domain.Topic.AGE_LIMITS;
import static dev.policybot.domain.Topic.AI_FEATURES;
import static dev.policybot.domain.Topic.AI_TRAINING;
import static dev.policybot.domain.Topic.ARBITRATION;
import static dev.policybot.domain.Topic.CONTENT_LICENCE;
import static dev.policybot.domain.Topic.DATA_SHARING;
import static dev.policybot.domain.Topic.DELETION_RETENTION;
import static dev.policybot.domain.Topic.MODERATION;
import static dev.policybot.domain.Topic.MONETISATION;
import static dev.policybot.domain.Topic.OWNERSHIP;
import static dev.policybot.domain.Topic.TERMS_CHANGES;
import static dev.policybot.domain.Topic.TRACKING;

import dev.policybot.domain.Topic;
import java.util.List;

/**
 * The keyword and phrase rules of the {@link TopicClassifier}, in one readable list. Each rule has an example in
 * {@code TopicRulesTest}; a rule without one fails that test. Patterns stay within one sentence ({@code [^.;]})
 * so that words far apart do not combine.
 */
public final class TopicRules {

    /**
     * "ML" and "LLM" match in capitals only (millilitres); "ai" in any case, since people type "train ai" and the
     * rules using this term also need a training word nearby.
     */
    private static final String AI = "(?:artificial intelligence|machine[- ]learning|AI|A\\.I\\.|GenAI"
            + "|(?-i:ML|LLMs?)"
            + "|(?:language |foundation |generative |AI |machine learning )?models?|algorithms?|neural networks?)";

    private static final String TRAIN = "(?:train(?:s|ed|ing)?|fine-?tun\\w*|tuning)";
    private static final String CONTENT = "(?:your|my|our|user|users'?|customer|member) "
            + "(?:content|uploads?|works?|material|music|songs?|tracks?|videos?|photos?)"
            + "|content (?:that )?you (?:upload|post|submit|provide|share)";
    private static final String DATA = "(?:personal )?(?:data|information)";
    private static final String THIRD_PARTIES =
            "(?:third[- ]part(?:y|ies)|partners|advertisers|affiliates|data brokers)";

    private TopicRules() {}

    /** {@code a} and {@code b} within {@code gap} characters of one sentence, in either order. */
    static String near(String a, String b, int gap) {
        String within = "[^.;!?]{0," + gap + "}";
        String ab = "\\b(?:" + a + ")\\b" + within + "\\b(?:" + b + ")\\b";
        String ba = "\\b(?:" + b + ")\\b" + within + "\\b(?:" + a + ")\\b";
        return ab + "|" + ba;
    }

    private static final List<TopicRule> ALL = List.of(
            rule(AI_TRAINING, "train-near-ai", near(TRAIN, AI, 80)),
            rule(AI_TRAINING, "training-data", "\\btraining (?:data|datasets?|sets?|corpus|corpora|material)\\b"),
            rule(AI_TRAINING, "input-to-ai", near("inform|serve as input|as input|input for", AI, 60)),
            rule(
                    AI_TRAINING,
                    "use-for-ai",
                    "\\b(?:use[ds]?|using)\\b[^.;!?]{0,60}\\bfor (?:AI|artificial intelligence|machine learning)\\b"),
            rule(
                    AI_TRAINING,
                    "develop-ai-models",
                    "\\b(?:develop|improv|build)\\w*\\s+(?:our |its |the |their )?"
                            + "(?:AI|artificial intelligence|machine learning|generative)\\s+"
                            + "(?:models?|systems?|technolog\\w*)\\b"),
            rule(
                    AI_FEATURES,
                    "ai-generated",
                    "\\b(?:AI|artificial intelligence|machine)[- ]generated\\b",
                    "\\bgenerated (?:by|with|using|through) (?:an? |the )?"
                            + "(?:AI|artificial intelligence|generative)\\b"),
            rule(AI_FEATURES, "generative-ai", "\\bgenerative (?:AI|artificial intelligence)\\b(?!\\s+models?\\b)"),
            rule(
                    AI_FEATURES,
                    "ai-tools",
                    "\\b(?-i:AI|A\\.I\\.)(?:[- ](?:powered|based|enabled))?[- ](?:features?|tools?|assistants?"
                            + "|chatbots?|services?|products?|companions?|agents?|outputs?|music|art|images?"
                            + "|content)\\b"),
            rule(
                    AI_FEATURES,
                    "synthetic-media",
                    "\\bsynthetic (?:media|content|voices?|audio|images?|video)\\b",
                    "\\bdeep ?fakes?\\b",
                    "\\bvoice[- ]clon\\w*"),
            rule(CONTENT_LICENCE, "grant-licence", near("grant\\w*|give|giving", "licen[cs]es?", 60)),
            rule(CONTENT_LICENCE, "sublicensing", "\\bsub-?licen[cs]\\w*"),
            rule(CONTENT_LICENCE, "royalty-free", "\\broyalty[- ]free\\b"),
            rule(CONTENT_LICENCE, "licence-to-content", near("licen[cs]e[ds]?", CONTENT, 80)),
            rule(
                    OWNERSHIP,
                    "you-retain",
                    "\\b(?:you|I|we) (?:retain|keep|own|maintain|remain the owner)\\b[^.;]{0,60}"
                            + "\\b(?:owner\\w*|rights?|title|copyright|intellectual property|content)\\b"),
            rule(OWNERSHIP, "owner-of-content", near("owner(?:ship)?|owns?|owned", CONTENT, 60)),
            rule(
                    OWNERSHIP,
                    "owned-by-you",
                    "\\bowned\\b[^.;]{0,40}\\bby you\\b",
                    "\\bproperty of (?:the )?(?:relevant )?(?:uploader|user|you|creator|artist)s?\\b"),
            rule(OWNERSHIP, "right-title-interest", "\\bright,? title,? and interest\\b"),
            rule(
                    OWNERSHIP,
                    "ip-in-content",
                    "\\b(?:intellectual property|copyright)(?: rights?)? (?:in|to|of) (?:your|the|such|any) "
                            + "(?:content|uploads?|works?)\\b"),
            rule(
                    DELETION_RETENTION,
                    "delete-account",
                    near("delet\\w*|eras\\w*|clos(?:e|ing)|deactivat\\w*", "accounts?|profiles?", 40)),
            rule(DELETION_RETENTION, "delete-data", near("delet\\w*|eras\\w*|purg\\w*", DATA, 30)),
            rule(
                    DELETION_RETENTION,
                    "retention",
                    "\\bretention\\b",
                    "\\bhow long we (?:keep|store|retain)\\b",
                    "\\b(?:retain\\w*|keep|kept|stor(?:e|ed|ing))\\b[^.;]{0,30}\\b" + DATA + "\\b",
                    "\\b(?:data|information|records|content)\\b[^.;]{0,40}\\b(?:is|are|be|being) "
                            + "(?:retained|kept|stored)\\b"),
            rule(DATA_SHARING, "sell-data", near("sell\\w*|sale|sold", DATA, 40)),
            rule(
                    DATA_SHARING,
                    "share-data-with-others",
                    "\\b(?:shar|disclos|transfer|provid|mak)\\w*\\b[^.;]{0,60}\\b(?:data|information)\\b[^.;]{0,60}\\b"
                            + THIRD_PARTIES),
            rule(
                    DATA_SHARING,
                    "others-receive-data",
                    "\\b" + THIRD_PARTIES + "[^.;]{0,60}\\b(?:receive|access|collect)\\w*\\b[^.;]{0,40}"
                            + "\\b(?:data|information)\\b"),
            rule(
                    DATA_SHARING,
                    "advertising",
                    "\\badverti[sz](?:ing|ers?|ements?)\\b",
                    "\\b(?:targeted|personali[sz]ed|interest-based|behaviou?ral) ads\\b"),
            rule(DATA_SHARING, "do-not-sell", "\\bdo not sell\\b", "\\bopt[- ]out of (?:the )?(?:sale|sharing)\\b"),
            rule(TRACKING, "cookies", "\\bcookies?\\b"),
            rule(
                    TRACKING,
                    "pixels-and-beacons",
                    "\\b(?:tracking )?pixels?\\b",
                    "\\bweb beacons?\\b",
                    "\\bclear gifs?\\b",
                    "\\btracking technolog\\w*",
                    "\\blocal storage\\b"),
            rule(
                    TRACKING,
                    "device-identifiers",
                    "\\bdevice (?:identifiers?|IDs?)\\b",
                    "\\badvertising (?:identifiers?|IDs?)\\b",
                    "\\bIP address(?:es)?\\b",
                    "\\bfingerprint(?:ing)?\\b"),
            rule(
                    TRACKING,
                    "location",
                    "\\b(?:geo-?)?location (?:data|information)\\b",
                    "\\bgeolocation\\b",
                    "\\bGPS\\b"),
            rule(
                    TRACKING,
                    "tracking-activity",
                    "\\btrack(?:s|ed|ing)? (?:your|users'?|their) (?:activity|behaviou?r|browsing|location)\\b",
                    "\\bcross-(?:site|app|device) tracking\\b",
                    "\\bdo not track\\b"),
            rule(
                    TRACKING,
                    "analytics",
                    "\\banalytics (?:providers?|services?|tools?|partners?|cookies)\\b",
                    "\\bGoogle Analytics\\b"),
            rule(
                    AGE_LIMITS,
                    "years-of-age",
                    "\\b\\d{1,2}\\s*(?:\\(\\w+\\)\\s*)?years? (?:of age|old)\\b",
                    "\\b(?:under|over|below|above) the age of\\b",
                    "\\bage of (?:majority|digital consent|consent|\\d{1,2})\\b",
                    "\\bminimum age\\b",
                    "\\bhow old\\b"),
            rule(
                    AGE_LIMITS,
                    "minors",
                    "\\bminors?\\b",
                    "\\bchild(?:ren)?\\b",
                    "\\bparental (?:consent|permission)\\b",
                    "\\bparents? or (?:legal )?guardians?\\b",
                    "\\bCOPPA\\b"),
            rule(ARBITRATION, "arbitration", "\\barbitra(?:tion|te|tor|l|ble)\\w*"),
            rule(
                    ARBITRATION,
                    "class-action",
                    "\\bclass[- ](?:action|wide|arbitration)\\b",
                    "\\brepresentative (?:action|proceeding)s?\\b",
                    "\\bcollective action\\b"),
            rule(ARBITRATION, "jury-waiver", "\\bjury trial\\b", "\\btrial by jury\\b", "\\bright to (?:a )?jury\\b"),
            rule(
                    TERMS_CHANGES,
                    "change-the-terms",
                    near(
                            "chang\\w*|modif\\w*|amend\\w*|updat\\w*|revis\\w*",
                            "(?:these|this|our|the) (?:terms|agreement|policy|policies|privacy (?:policy|statement|notice)"
                                    + "|guidelines|conditions)",
                            40)),
            rule(
                    TERMS_CHANGES,
                    "effective-date",
                    "\\beffective date\\b",
                    "\\blast (?:updated|modified|revised|amended)\\b",
                    "\\b(?:terms|policy|agreement)(?: of (?:use|service))? (?:is|are|will|become|becomes)[^.;]{0,20}"
                            + "effective\\b"),
            rule(
                    TERMS_CHANGES,
                    "continued-use",
                    "\\bcontinu\\w* (?:to )?(?:use|access)\\w*[^.;]{0,120}\\b(?:accept\\w*|agree\\w*|consent\\w*)\\b"),
            rule(
                    TERMS_CHANGES,
                    "notice-of-changes",
                    near("notif\\w*|notice|inform", "changes?|modifications?|updates?|amendments?|revisions?", 40)),
            rule(
                    MONETISATION,
                    "payouts",
                    "\\bpay-?outs?\\b",
                    "\\bpaid to you\\b",
                    "\\bpay you\\b",
                    "\\bpayments? to (?:you|creators|artists|rights ?holders)\\b",
                    "\\bearnings\\b",
                    "\\bget paid\\b",
                    "\\brevenue[- ]shar\\w*",
                    "\\bshare of (?:the )?revenues?\\b"),
            rule(MONETISATION, "monetise", "\\bmoneti[sz]\\w*"),
            rule(MONETISATION, "royalties", "\\broyalt(?:y|ies)\\b(?![- ]free)"),
            rule(
                    MONETISATION,
                    "partner-programme",
                    "\\b(?:partner|creator|artist|fan)[- ](?:program(?:me)?s?|funds?|subscriptions?|support)\\b"),
            rule(
                    MODERATION,
                    "remove-content",
                    near(
                            "remov\\w*|block\\w*|disabl\\w*|take down|taken down|restrict access",
                            "content|material|posts?|uploads?|sounds?|tracks?|songs?|videos?",
                            40)),
            rule(
                    MODERATION,
                    "takedown",
                    "\\btake-?downs?\\b",
                    "\\bnotice[- ]and[- ](?:action|takedown)\\b",
                    "\\bDMCA\\b",
                    "\\bDigital Millennium Copyright\\b",
                    "\\bcounter-?notices?\\b",
                    "\\bcopyright (?:infringement )?(?:notices?|complaints?)\\b"),
            rule(
                    MODERATION,
                    "suspend-account",
                    near("suspen\\w*|terminat\\w*|ban(?:s|ned)?|disabl\\w*", "(?:your |their |user )?accounts?", 40)),
            rule(
                    MODERATION,
                    "moderation",
                    "\\bmoderat(?:ion|e|ed|ing|ors?)\\b(?! use)",
                    "\\brepeat infringers?\\b",
                    "\\bcontent review\\b"));

    /** A rule matching any of the {@code alternatives}. */
    private static TopicRule rule(Topic topic, String name, String... alternatives) {
        return TopicRule.of(topic, name, String.join("|", alternatives));
    }

    /** All rules, grouped by topic. */
    public static List<TopicRule> all() {
        return ALL;
    }
}
