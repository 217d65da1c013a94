package dev.qide.team;

/** A team's name and description, as a form or the JSON API sends them; null leaves a value as it is on update. */
public record TeamForm(String name, String description) {}
