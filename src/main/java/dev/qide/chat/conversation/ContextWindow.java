package dev.qide.chat.conversation;

import dev.qide.llm.ChatRole;
import dev.qide.llm.ChatTurn;
import dev.qide.llm.LlmModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fits a conversation into a model's context window: the system prompt and the newest message always go (its
 * attached context cut if it alone is too long), then as many earlier messages as fit, newest first. What was left
 * out is said in a notice for the person.
 */
public final class ContextWindow {

    /** Tokens each turn costs beyond its text (role markers). */
    private static final int TURN_OVERHEAD = 4;

    /** The turns to send, the room left for the reply, and what the person should be told. */
    public record Fitted(List<ChatTurn> turns, int maxOutputTokens, Optional<String> notice) {}

    private ContextWindow() {}

    /**
     * @param history earlier turns, oldest first
     * @param question the person's newest message
     * @param context the attached file or selection, with its label; empty for none
     */
    public static Fitted fit(
            String systemPrompt,
            List<ChatTurn> history,
            String question,
            Optional<Attachment> context,
            LlmModel model,
            int maxReplyTokens) {
        int maxOutput = Math.min(maxReplyTokens, model.maxOutputTokens());
        long budget = model.contextWindow() - maxOutput - cost(systemPrompt);
        List<String> notices = new ArrayList<>();

        String newest = question;
        if (context.isPresent()) {
            Attachment attachment = context.get();
            long room = budget - cost(question) - cost(attachment.frame(""));
            String text = attachment.text();
            if (TokenEstimate.of(text) > room) {
                int keep = (int) Math.max(0, Math.min(text.length(), (room * 7) / 2));
                text = text.substring(0, keep);
                notices.add("The attached " + attachment.label() + " was cut to fit " + model.name()
                        + "'s context window.");
            }
            newest = attachment.withText(text).frame(question);
        }
        long used = cost(newest);

        List<ChatTurn> kept = new ArrayList<>();
        int dropped = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            ChatTurn turn = history.get(i);
            if (dropped == 0 && used + cost(turn.text()) <= budget) {
                kept.add(turn);
                used += cost(turn.text());
            } else {
                dropped++;
            }
        }
        if (dropped > 0) {
            notices.add("The " + (dropped == 1 ? "oldest message was" : dropped + " oldest messages were")
                    + " left out to fit " + model.name() + "'s context window of "
                    + String.format(Locale.US, "%,d", model.contextWindow()) + " tokens.");
        }
        Collections.reverse(kept);
        List<ChatTurn> turns = new ArrayList<>();
        turns.add(new ChatTurn(ChatRole.SYSTEM, systemPrompt));
        turns.addAll(kept);
        turns.add(new ChatTurn(ChatRole.USER, newest));
        return new Fitted(
                turns, maxOutput, notices.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", notices)));
    }

    private static long cost(String text) {
        return TokenEstimate.of(text) + TURN_OVERHEAD;
    }

    /** A file or selection sent along with a question. */
    record Attachment(String label, String text) {

        Attachment withText(String newText) {
            return new Attachment(label, newText);
        }

        /** The question with the attachment before it, as the model reads it. */
        String frame(String question) {
            return "Context: " + label + "\n```\n" + text + "\n```\n\n" + question;
        }
    }
}
