package dev.policybot.eval;

import java.util.List;

/**
 * What became of a language model's answers on their way to the person: how many of its citations passed the product's
 * verification, how many answers were shown as the model wrote them, replaced by the extractive answer after
 * verification (a fabricated quotation, no valid citation), or never written (no usable reply: timeout, an unreadable
 * or empty reply, a refusal).
 *
 * @param answers           questions answered
 * @param byModel           answers shown as the model wrote them (after verification removed what it had to)
 * @param declinedByModel   of those, the model said the documents do not address the question
 * @param replaced          drafts replaced by the extractive answer after verification
 * @param noUsableReply     questions the model gave no usable reply to (the extractive answer was shown)
 * @param modelCitations    distinct clauses cited in the model's drafts
 * @param verifiedCitations of those, cited in the answers shown (none of a replaced draft's)
 * @param firstFault        the note of the first question with no usable reply, or {@code null}
 */
public record ModelAnswerMetrics(
        int answers,
        int byModel,
        int declinedByModel,
        int replaced,
        int noUsableReply,
        int modelCitations,
        int verifiedCitations,
        String firstFault) {

    /** Share of the model's citations that passed verification. */
    public double verifiedCitationRate() {
        return modelCitations == 0 ? Double.NaN : verifiedCitations / (double) modelCitations;
    }

    /** The metrics of one model's scored answers; lines of other answerers are ignored. */
    public static ModelAnswerMetrics of(List<AnswerEvaluation.Answered> answers) {
        int n = 0;
        int byModel = 0;
        int declined = 0;
        int replaced = 0;
        int noReply = 0;
        int cited = 0;
        int verified = 0;
        String firstFault = null;
        for (AnswerEvaluation.Answered a : answers) {
            if (a.modelCitations() == null) {
                continue;
            }
            n++;
            cited += a.modelCitations();
            verified += a.verifiedCitations() == null ? 0 : a.verifiedCitations();
            if (a.modelFault() != null) {
                noReply++;
                firstFault = firstFault == null ? a.modelFault() : firstFault;
            } else if (a.byModel()) {
                byModel++;
                declined += a.abstained() ? 1 : 0;
            } else {
                replaced++;
            }
        }
        return new ModelAnswerMetrics(n, byModel, declined, replaced, noReply, cited, verified, firstFault);
    }
}
