package vn.qualityledger.command.web;

/** What every command endpoint answers: the id of the thing the command created or changed. */
public record CommandAccepted(String id) {
}
