package dev.qide.chat.conversation;

/**
 * A message to send: the text, the provider and model to ask (model empty: the key's default), and optionally the
 * file or selection to attach, with its label ("src/app.py, lines 3–9").
 */
public record SendRequest(String content, String provider, String model, String contextLabel, String contextText) {

    public SendRequest withContent(String newContent) {
        return new SendRequest(newContent, provider, model, contextLabel, contextText);
    }
}
