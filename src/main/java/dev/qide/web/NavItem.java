package dev.qide.web;

/** One entry of the main navigation; {@code icon} is a Bootstrap Icons name. */
public record NavItem(String label, String href, String icon, boolean active) {}
