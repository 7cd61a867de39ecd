// TrustBot's storage account (Tables and Queues), reached only with Microsoft Entra ID: shared keys are
// off, so no key or connection string ever sits in app settings. The bot's identity gets the two data roles.

@description('Storage account name: 3-24 lower-case letters and digits, globally unique.')
param name string

@description('Azure region.')
param location string

@description('Principal (object) id of the bot\'s user-assigned managed identity.')
param principalId string

@description('Storage redundancy.')
param skuName string

param tags object

// Built-in role definitions.
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
var queueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, tableDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, queueDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

@description('The Table service endpoint, for Storage:TableEndpoint.')
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('The Queue service endpoint, for Storage:QueueEndpoint.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('The account name.')
output name string = account.name
