// The Key Vault that keeps TrustBot's HMAC secrets (Pulse:AnonymitySecret). RBAC authorization only,
// soft delete on; the bot's identity may read secrets and nothing else.

@description('Key Vault name: 3-24 letters, digits and hyphens, globally unique.')
param name string

@description('Azure region.')
param location string

@description('Principal (object) id of the bot\'s user-assigned managed identity.')
param principalId string

@description('Name of the secret that holds Pulse:AnonymitySecret.')
param anonymitySecretName string

@secure()
@description('Base64 of at least 32 random bytes. Empty: leave the secret as it is (set it once, see README).')
param anonymitySecret string

@description('Purge protection: a deleted vault or secret cannot be purged during the retention period.')
param enablePurgeProtection bool

param tags object

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

// Written only when a value is given, so a later deployment without it never replaces the secret:
// a new secret orphans the answers of open pulse runs.
resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(anonymitySecret)) {
  parent: vault
  name: anonymitySecretName
  properties: {
    value: anonymitySecret
    contentType: 'base64, at least 32 random bytes (Pulse:AnonymitySecret)'
  }
}

resource secretsUserRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, secretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

@description('The vault name, for Key Vault references and az keyvault commands.')
output name string = vault.name

@description('The secret name of Pulse:AnonymitySecret.')
output anonymitySecretName string = anonymitySecretName
