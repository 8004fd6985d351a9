/// How a master secret file begins: what writes it (PorticoAccess) and what refuses to publish a
/// copy of one (PorticoProject) read the same constant.
package enum SecretFileText {
    package static let prefix = "portico-secret-v1:"
}
