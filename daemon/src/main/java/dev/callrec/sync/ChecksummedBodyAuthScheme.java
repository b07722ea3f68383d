package dev.callrec.sync;

import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/** SigV4 as the SDK does it, with {@link ChecksummedBodySigner} as its signer. */
final class ChecksummedBodyAuthScheme implements AwsV4AuthScheme {
  private final AwsV4HttpSigner signer = new ChecksummedBodySigner();

  @Override
  public String schemeId() {
    return SCHEME_ID;
  }

  @Override
  public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
    return providers.identityProvider(AwsCredentialsIdentity.class);
  }

  @Override
  public AwsV4HttpSigner signer() {
    return signer;
  }
}
